import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { getJson } from '../../api/client'
import { getText } from '../../api/client-texts'
import type { FlowHistory } from '../../shared/flow-history'
import { flowPath } from '../flows/api/flow-details'
import { flowQueries, type FlowScope } from '../flows/api/flow-queries'

export const versionsPath = (scope: FlowScope, flowId: string) => `${flowPath(scope, flowId)}/versions`
export const versionJsonHref = (scope: FlowScope, flowId: string, versionId: string) => `${versionsPath(scope, flowId)}/${encodeURIComponent(versionId)}/json`

export const historyQueries = {
  /** A page at a time, newest first: the next page goes on where the last one ended (its `next`). */
  versions: (scope: FlowScope, flowId: string) =>
    infiniteQueryOptions({
      queryKey: [...flowQueries.all(), 'history', scope, flowId],
      queryFn: ({ signal, pageParam }) =>
        getJson<FlowHistory>(`${versionsPath(scope, flowId)}${pageParam === undefined ? '' : `?before=${encodeURIComponent(pageParam)}`}`, { signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.next,
      meta: { action: `Load the history of flow ${flowId}` },
    }),
  /** A version's JSON never changes: read once. */
  text: (scope: FlowScope, flowId: string, versionId: string) =>
    queryOptions({
      queryKey: [...flowQueries.all(), 'history', scope, flowId, 'text', versionId],
      queryFn: async ({ signal }) => (await getText(versionJsonHref(scope, flowId, versionId), { signal })).text,
      staleTime: Infinity,
      meta: { action: `Load a version of flow ${flowId}` },
    }),
}
