import { queryOptions, useQuery } from '@tanstack/react-query'
import { getJson } from '../../../api/client'
import type { AppConfig } from '../../../shared/flow'
import { configPath } from '../../../shared/paths'

export const configQuery = queryOptions({
  queryKey: ['config'],
  queryFn: ({ signal }) => getJson<AppConfig>(configPath, { signal }),
  // Fixed for the server's lifetime.
  staleTime: Infinity,
})

export function useAppConfig() {
  return useQuery(configQuery)
}
