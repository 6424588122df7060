import type { QueryClient } from '@tanstack/react-query'
import { configQuery } from '../features/config/api/config-query'
import { flowQueries } from '../features/flows/api/flow-queries'
import { templateQueries } from '../features/flows/api/flow-templates'
import { channelInPath } from './channel-in-path'

/**
 * Starts the first page's queries before the first render (and settles when the configuration and
 * the list are in, whatever their outcome), beside /api/config rather than after it:
 * when the configuration arrives, the list and the templates are there or on their way (they take the
 * answers early-requests.ts asked for). Without `meta.action` on the list: should the channel turn out
 * not to be configured, its 404 is not one of the operator's Recent errors.
 */
export function prefetchFirstPage(queryClient: QueryClient, pathname: string): Promise<unknown> {
  const config = queryClient.prefetchQuery(configQuery)
  const scope = channelInPath(pathname)
  if (!scope) return config
  const { queryKey, queryFn } = flowQueries.list(scope)
  void queryClient.prefetchQuery(templateQueries.list(scope))
  return Promise.all([config, queryClient.prefetchQuery({ queryKey, queryFn })])
}
