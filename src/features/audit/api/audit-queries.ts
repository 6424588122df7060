import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../../../api/client'
import { channelPath, type ChannelScope } from '../../../shared/paths'
import type { AuditList } from '../../../shared/audit'

/** How many of a channel's latest outcomes the panel shows. */
export const recentActivityLimit = 20

export const auditQueries = {
  all: () => ['audit'] as const,
  recent: (scope: ChannelScope) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'recent', scope],
      queryFn: ({ signal }) => getJson<AuditList>(`${channelPath(scope)}/audit?limit=${recentActivityLimit}`, { signal }),
      meta: { action: 'Load recent activity' },
    }),
}
