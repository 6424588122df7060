import type { QueryClient } from '@tanstack/react-query'
import { flowQueries, listFlows, type FlowScope } from './flow-queries'
import { listTemplates, templateQueries } from './flow-templates'

/**
 * The operator's Refresh: the channel's list and templates as 8x8 has them now, not as the server read
 * them a moment ago. Into the same queries, so everything showing them follows (and shows them busy);
 * failures show where the queries' errors show (the list's panel, the templates' notice).
 */
export async function refreshChannel(queryClient: QueryClient, scope: FlowScope): Promise<void> {
  await Promise.allSettled([
    queryClient.fetchQuery({ ...flowQueries.list(scope), staleTime: 0, queryFn: ({ signal }) => listFlows(scope, { signal, fresh: true }) }),
    queryClient.fetchQuery({ ...templateQueries.list(scope), staleTime: 0, queryFn: ({ signal }) => listTemplates(scope, { signal, fresh: true }) }),
  ])
}
