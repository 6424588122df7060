import { dehydrate, QueryClient } from '@tanstack/react-query'
import { isApiError } from '../../api/api-error'
import { configQuery } from '../../features/config/api/config-query'
import type { AppConfig } from '../../shared/flow'
import { appHtmlMarker } from './html-marker'
import { pageStateElementId, type SerializedError } from '../../shared/first-page'

/** JSON has no errors: an ApiError goes as its fields (app/page-state.ts makes it one again). */
function serializable(error: unknown): unknown {
  if (!isApiError(error)) return error
  const { status, code, errorId, message, source, requestId, retryAfterMs } = error
  return { $apiError: [status, code, errorId, message, source, requestId, retryAfterMs] } satisfies SerializedError
}

/**
 * The render's query cache as a JSON data block for the browser (TanStack Query's dehydrated state):
 * what succeeded and what failed, not what was still on its way (the browser asks for that itself,
 * as the server rendered it loading). A data block is never run, so the CSP needs no nonce for it;
 * every `<` is escaped, so no text in it (a flow's name) can end the element.
 */
export function pageStateScript(queryClient: QueryClient): string {
  const state = dehydrate(queryClient, { shouldDehydrateQuery: (query) => query.state.status !== 'pending' })
  for (const { state: query } of state.queries) {
    if (query.error) query.error = query.fetchFailureReason = serializable(query.error) as typeof query.error
  }
  const json = JSON.stringify(state).replaceAll('<', '\\u003c')
  return `<script type="application/json" id="${pageStateElementId}">${json}</script>`
}

/** `template` (index.html as built) unrendered, for the browser to render, holding only the configuration. */
export function plainPage(template: string, config: AppConfig): string {
  const queryClient = new QueryClient()
  queryClient.setQueryData(configQuery.queryKey, config)
  return template.replace(appHtmlMarker, '').replace('</body>', `${pageStateScript(queryClient)}</body>`)
}
