import { queryOptions } from '@tanstack/react-query'
import { getJson, readAnew } from '../../../api/client'
import { channelPath, flowListPath, type ChannelScope } from '../../../shared/paths'
import type { FlowList } from '../../../shared/flow'
import { flowListLimit } from '../../../shared/ids'

export type FlowScope = ChannelScope

/** 8x8 has no paging, only `limit` (max 1000): ask for all it will give. */
export const requestedFlowLimit = flowListLimit.max

export function flowsPath(scope: FlowScope): string {
  return `${channelPath(scope)}/flows`
}

/** The channel's list; `fresh`: as 8x8 has it now, not as the server read it a moment ago. */
export function listFlows(scope: FlowScope, { signal, fresh = false }: { signal?: AbortSignal; fresh?: boolean } = {}) {
  return getJson<FlowList>(flowListPath(scope), { signal, ...(fresh ? { headers: readAnew } : {}) })
}

/** A list the budget refused comes as the last one read: asked for again once 8x8 allows (at least 5 s on). */
function againWhenAllowed(list: FlowList | undefined): number | false {
  return list?.stale ? Math.max(5000, (list.stale.retryAfterMs ?? 0) + 1000) : false
}

/**
 * How long a channel's list (and its templates) counts as fresh. The page the server rendered holds
 * the list (server/page/render-page.tsx): without this, the table would ask 8x8 for it again as it
 * hydrates. A view opened again within this time shows the list it has; the focus coming
 * back always refetches, and every change the console makes invalidates the list. The server, too,
 * answers such reads from what it just read of 8x8 (EIGHTX8_LIST_REUSE_MS); Refresh asks 8x8 anew.
 */
export const channelListFreshMs = 10_000

export const flowQueries = {
  all: () => ['flows'] as const,
  lists: () => [...flowQueries.all(), 'list'] as const,
  list: (scope: FlowScope) =>
    queryOptions({
      queryKey: [...flowQueries.lists(), scope],
      queryFn: ({ signal }) => listFlows(scope, { signal }),
      staleTime: channelListFreshMs,
      refetchOnWindowFocus: 'always',
      refetchInterval: (query) => againWhenAllowed(query.state.data),
      // A failed list the page arrived with (the server rendered it) stays until Try again, as shown.
      retryOnMount: false,
      meta: { action: 'Load flows' },
    }),
}
