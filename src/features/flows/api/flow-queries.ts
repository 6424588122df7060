import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../../../api/client'
import { channelPath, flowListPath, type ChannelScope } from '../../../shared/paths'
import type { FlowList } from '../../../shared/flow'
import { flowListLimit } from '../../../shared/ids'

export type FlowScope = ChannelScope

/** 8x8 has no paging, only `limit` (max 1000): ask for all it will give. */
export const requestedFlowLimit = flowListLimit.max

export function flowsPath(scope: FlowScope): string {
  return `${channelPath(scope)}/flows`
}

export function listFlows(scope: FlowScope, { signal }: { signal?: AbortSignal } = {}) {
  return getJson<FlowList>(flowListPath(scope), { signal })
}

/**
 * How long a channel's list (and its templates) counts as fresh. The page the server rendered holds
 * the list (server/page/render-page.tsx): without this, the table would ask 8x8 for it again as it
 * hydrates. A view opened again within this time shows the list it has; the focus coming
 * back always refetches, and every change the console makes invalidates the list. The server, too,
 * answers such reads from what it just read of 8x8 (EIGHTX8_LIST_REUSE_MS); Refresh asks 8x8 anew
 * (refresh-channel.ts).
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
      // A failed list the page arrived with (the server rendered it) stays until Try again, as shown.
      retryOnMount: false,
      meta: { action: 'Load flows' },
    }),
}
