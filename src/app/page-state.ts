import type { DehydratedState } from '@tanstack/react-query'
import { ApiError } from '../api/api-error'
import { pageStateElementId, type SerializedError } from '../shared/first-page'

/**
 * The query cache the server filled for this page (server/page/page-state.ts writes it), its failures
 * made ApiErrors again; undefined under Vite's dev server, which serves the page as it is.
 */
export function readPageState(doc: Document): DehydratedState | undefined {
  const json = doc.getElementById(pageStateElementId)?.textContent
  if (!json) return undefined
  const state = JSON.parse(json) as DehydratedState
  for (const { state: query } of state.queries) {
    const failure = (query.error as Partial<SerializedError> | null)?.$apiError
    if (failure) query.error = query.fetchFailureReason = new ApiError(...failure)
  }
  return state
}
