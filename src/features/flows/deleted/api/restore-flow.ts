import { useMutation, useQueryClient } from '@tanstack/react-query'
import { changeJson } from '../../../../api/client'
import { bulkRunHeader, type RestoreResult } from '../../../../shared/deleted-flows'
import type { ChannelScope } from '../../../../shared/paths'
import { flowQueries } from '../../api/flow-queries'
import { deletedFlowQueries, deletedFlowsPath } from './deleted-flow-queries'

/** What a restore needs and names: the copy, and the deleted flow's old ID and name (for Recent errors). */
export type RestoreRequest = { backupId: string; id: string; name: string }

/** Sent once, never retried: a repeat would make a second flow (the server refuses one anyway). */
export function restoreFlow(scope: ChannelScope, backupId: string, { bulk = false }: { bulk?: boolean } = {}) {
  return changeJson<RestoreResult>(`${deletedFlowsPath(scope)}/${encodeURIComponent(backupId)}/restore`, { method: 'POST', headers: bulk ? { [bulkRunHeader]: '1' } : {} })
}

/** Restores a copy as a new draft; the flows list and the deleted flows are refetched after it, whatever its outcome. */
export function useRestoreFlow(scope: ChannelScope) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ backupId }: RestoreRequest) => restoreFlow(scope, backupId),
    meta: { action: 'Restore' },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: flowQueries.lists() })
      void queryClient.invalidateQueries({ queryKey: deletedFlowQueries.all() })
    },
  })
}
