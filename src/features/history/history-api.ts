import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../../api/client'
import { getText } from '../../api/client-texts'
import type { FlowHistory } from '../../shared/flow-history'
import { flowPath } from '../flows/api/flow-details'
import { flowQueries, type FlowScope } from '../flows/api/flow-queries'

export const versionsPath = (scope: FlowScope, flowId: string) => `${flowPath(scope, flowId)}/versions`
export const versionJsonHref = (scope: FlowScope, flowId: string, versionId: string) => `${versionsPath(scope, flowId)}/${encodeURIComponent(versionId)}/json`

export const historyQueries = {
  versions: (scope: FlowScope, flowId: string) =>
    queryOptions({
      queryKey: [...flowQueries.all(), 'history', scope, flowId],
      queryFn: ({ signal }) => getJson<FlowHistory>(versionsPath(scope, flowId), { signal }),
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
