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
export function prefetchFirstPage(queryClient: QueryClient, pathname: string): Promise<void> {
  const first = [queryClient.prefetchQuery(configQuery)]
  const scope = channelInPath(pathname)
  if (scope) {
    const { queryKey, queryFn } = flowQueries.list(scope)
    first.push(queryClient.prefetchQuery({ queryKey, queryFn }))
    void queryClient.prefetchQuery(templateQueries.list(scope))
  }
  // The configuration and the list, if they are in by the next task (the page preloaded them, so they
  // often are): the first render then shows the rows, not "Loading flows…" and a second render. If
  // they are not, the page renders at once and shows that it is loading.
  return Promise.race([Promise.all(first).then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, 0))])
}
