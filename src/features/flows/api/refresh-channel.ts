import type { QueryClient } from '@tanstack/react-query'
import { getJson } from '../../../api/client'
import type { FlowTemplateList } from '../../../shared/deleted-flows'
import type { FlowList } from '../../../shared/flow'
import { flowListPath, templatesPath } from '../../../shared/paths'
import { flowQueries, type FlowScope } from './flow-queries'
import { templateQueries } from './flow-templates'

/** Asks the server for what 8x8 has now, not what it read a moment ago. */
const readAnew = { 'cache-control': 'no-cache' }

/**
 * The operator's Refresh: the channel's list and templates as 8x8 has them now, not as the server read
 * them a moment ago. Into the same queries, so everything showing them follows (and shows them busy);
 * failures show where the queries' errors show (the list's panel, the templates' notice). Loaded after
 * the first content, with the dialogs (flow-changes-chunk.ts).
 */
export async function refreshChannel(queryClient: QueryClient, scope: FlowScope): Promise<void> {
  await Promise.allSettled([
    queryClient.fetchQuery({ ...flowQueries.list(scope), staleTime: 0, queryFn: ({ signal }) => getJson<FlowList>(flowListPath(scope), { signal, headers: readAnew }) }),
    queryClient.fetchQuery({
      ...templateQueries.list(scope),
      staleTime: 0,
      queryFn: ({ signal }) => getJson<FlowTemplateList>(templatesPath(scope), { signal, headers: readAnew }),
    }),
  ])
}
