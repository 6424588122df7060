import type { QueryClient } from '@tanstack/react-query'
import { configQuery } from '../features/config/api/config-query'
import { flowQueries } from '../features/flows/api/flow-queries'
import { templateQueries } from '../features/flows/api/flow-templates'
import { channelInPath } from '../shared/first-page'

/**
 * Starts the first page's queries before the first render, beside /api/config rather than after it:
 * when the configuration arrives, the list and the templates are there or on their way (they take the
 * answers early-requests.ts asked for). Without `meta.action` on the list: should the channel turn out
 * not to be configured, its 404 is not one of the operator's Recent errors.
 */
export function prefetchFirstPage(queryClient: QueryClient, pathname: string) {
  void queryClient.prefetchQuery(configQuery)
  const scope = channelInPath(pathname)
  if (!scope) return
  const { queryKey, queryFn } = flowQueries.list(scope)
  void queryClient.prefetchQuery({ queryKey, queryFn })
  void queryClient.prefetchQuery(templateQueries.list(scope))
}
