import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../../../api/client'
import type { LookupResult } from '../../../shared/lookup'

export const lookupQuery = (id: string) =>
  queryOptions({
    queryKey: ['lookup', id],
    queryFn: ({ signal }) => getJson<LookupResult>(`/api/v1/lookup/${encodeURIComponent(id)}`, { signal }),
    meta: { action: 'Look up an ID' },
  })
