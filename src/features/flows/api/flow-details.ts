import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../../../api/client'
import type { FlowDetails, FlowPreview } from '../../../shared/flow'
import { flowQueries, flowsPath, type FlowScope } from './flow-queries'

export function flowPath(scope: FlowScope, flowId: string): string {
  return `${flowsPath(scope)}/${encodeURIComponent(flowId)}`
}

/** Served by the proxy as an attachment: the browser never fetches from 8x8's or Meta's hosts. */
export function flowJsonHref(scope: FlowScope, flowId: string): string {
  return `${flowPath(scope, flowId)}/json`
}

export const flowDetailQueries = {
  details: (scope: FlowScope, flowId: string) =>
    queryOptions({
      queryKey: [...flowQueries.all(), 'details', scope, flowId],
      queryFn: ({ signal }) => getJson<FlowDetails>(flowPath(scope, flowId), { signal }),
      meta: { action: `Load details of flow ${flowId}` },
    }),
  /** Meta's preview links expire; asked for only when the operator wants one. */
  preview: (scope: FlowScope, flowId: string) =>
    queryOptions({
      queryKey: [...flowQueries.all(), 'preview', scope, flowId],
      queryFn: ({ signal }) => getJson<FlowPreview>(`${flowPath(scope, flowId)}/preview`, { signal }),
      meta: { action: `Preview flow ${flowId}` },
      staleTime: 5 * 60_000,
    }),
}
