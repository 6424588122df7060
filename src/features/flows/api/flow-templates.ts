import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../../../api/client'
import type { FlowTemplateList } from '../../../shared/deleted-flows'
import { templatesPath } from '../../../shared/paths'
import { channelListFreshMs, flowQueries, type FlowScope } from './flow-queries'

/**
 * The channel's templates that launch flows: fetched beside the list and refreshed with it (same key
 * prefix). No `meta.action`: a failure shows as a quiet notice by the list, not in Recent errors.
 */
export const templateQueries = {
  list: (scope: FlowScope) =>
    queryOptions({
      queryKey: [...flowQueries.all(), 'templates', scope],
      queryFn: ({ signal }) => getJson<FlowTemplateList>(templatesPath(scope), { signal }),
      staleTime: channelListFreshMs,
      refetchOnWindowFocus: 'always',
    }),
}
