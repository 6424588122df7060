import { useQueryClient } from '@tanstack/react-query'
import { ago } from '../../../components/ago'
import { useToast } from '../../../components/toast/toast-context'
import { proxyErrorCodes } from '../../../shared/error-codes'
import { isOutcomeUnknown } from '../delete-outcome'
import type { ChannelScope } from '../../../shared/paths'
import { deletedFlowQueries } from './api/deleted-flow-queries'
import { useRestoreFlow, type RestoreRequest } from './api/restore-flow'

/**
 * Restores a copy and says how it went: the new draft's ID, or why not (with the Error ID). `label`
 * is the flow as the operator knows it (flowLabel), computed by the caller.
 */
export function useRestoreWithNotice(scope: ChannelScope, channelName: string) {
  const restore = useRestoreFlow(scope)
  const showToast = useToast()
  const queryClient = useQueryClient()

  /** Another tab or operator restored it first: information, with who, as what and when. */
  async function sayAlreadyRestored(copy: RestoreRequest, label: string) {
    const list = await queryClient.fetchQuery({ ...deletedFlowQueries.list(scope), staleTime: 0 }).catch(() => undefined)
    const restored = list?.deletedFlows.find((c) => c.backupId === copy.backupId)?.restored
    showToast({
      kind: 'info',
      title: `“${label}” was already restored`,
      description: restored
        ? `Already restored${restored.by ? ` by ${restored.by}` : ''} as ${restored.flowId}, ${ago(Date.now() - Date.parse(restored.at))}. Nothing new was created.`
        : 'Another tab or operator restored it first. Nothing new was created.',
    })
  }

  function restoreCopy(copy: RestoreRequest, label: string, { onRestored, onSettled }: { onRestored?: () => void; onSettled?: () => void } = {}) {
    restore.mutate(copy, {
      onSettled,
      onSuccess: (result) => {
        onRestored?.()
        if (result.foundInList) {
          showToast({
            kind: 'success',
            title: `“${label}” was already restored`,
            description: `The earlier restore that 8x8 did not confirm had made it: the draft ${result.flowId} is in ${channelName}. Nothing new was created.`,
          })
          return
        }
        showToast({
          kind: 'success',
          title: `Restored “${label}” as a new draft`,
          description: `It is back in ${channelName} with the new ID ${result.flowId}${result.validationErrors.length > 0 ? `; Meta reports ${result.validationErrors.length} problem(s) in its JSON` : ''}.`,
        })
      },
      onError: (error) => {
        if (error.code === proxyErrorCodes.alreadyRestored) {
          void sayAlreadyRestored(copy, label)
          return
        }
        showToast({
          kind: 'error',
          title: isOutcomeUnknown(error) ? `Restore not confirmed: check the list` : `Couldn't restore “${label}”`,
          hint: isOutcomeUnknown(error)
            ? `8x8 did not confirm the restore of “${label}” in time; it may have made the new draft. Restoring again looks for it in the list first and creates none if it is there.`
            : undefined,
          error,
          copyName: `Copy error ID (restore ${label})`,
        })
      },
    })
  }
  return { restoreCopy, pending: restore.isPending }
}
