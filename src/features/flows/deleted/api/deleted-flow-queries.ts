import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../../../../api/client'
import type { DeletedFlowList } from '../../../../shared/deleted-flows'
import { channelPath, type ChannelScope } from '../../../../shared/paths'

export function deletedFlowsPath(scope: ChannelScope): string {
  return `${channelPath(scope)}/deleted-flows`
}

export const deletedFlowQueries = {
  all: () => ['deleted-flows'] as const,
  list: (scope: ChannelScope) =>
    queryOptions({
      queryKey: [...deletedFlowQueries.all(), scope],
      queryFn: ({ signal }) => getJson<DeletedFlowList>(deletedFlowsPath(scope), { signal }),
      meta: { action: 'Load deleted flows' },
    }),
}
