import { queryOptions } from '@tanstack/react-query'
import { getJson, readAnew } from '../../../api/client'
import type { FlowTemplateList } from '../../../shared/deleted-flows'
import { templatesPath } from '../../../shared/paths'
import { channelListFreshMs, flowQueries, type FlowScope } from './flow-queries'

/** The channel's templates that launch flows; `fresh`: as 8x8 has them now, not as the server read them a moment ago. */
export function listTemplates(scope: FlowScope, { signal, fresh = false }: { signal?: AbortSignal; fresh?: boolean } = {}) {
  return getJson<FlowTemplateList>(templatesPath(scope), { signal, ...(fresh ? { headers: readAnew } : {}) })
}

/**
 * The channel's templates that launch flows: fetched beside the list and refreshed with it (same key
 * prefix). No `meta.action`: a failure shows as a quiet notice by the list, not in Recent errors.
 */
export const templateQueries = {
  list: (scope: FlowScope) =>
    queryOptions({
      queryKey: [...flowQueries.all(), 'templates', scope],
      queryFn: ({ signal }) => listTemplates(scope, { signal }),
      staleTime: channelListFreshMs,
      refetchOnWindowFocus: 'always',
    }),
}
