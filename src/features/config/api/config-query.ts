import { queryOptions, useQuery } from '@tanstack/react-query'
import { getJson } from '../../../api/client'
import type { AppConfig } from '../../../shared/flow'

export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => getJson<AppConfig>('/api/config', { signal }),
  // Fixed for the server's lifetime.
  staleTime: Infinity,
})

export function useAppConfig() {
  return useQuery(configQuery)
}
