import { useToast } from '../../../components/toast/toast-context'
import { isOutcomeUnknown } from '../delete-outcome'
import type { ChannelScope } from '../../../shared/paths'
import { useRestoreFlow, type RestoreRequest } from './api/restore-flow'

/**
 * Restores a copy and says how it went: the new draft's ID, or why not (with the Error ID). `label`
 * is the flow as the operator knows it (flowLabel), computed by the caller.
 */
export function useRestoreWithNotice(scope: ChannelScope, channelName: string) {
  const restore = useRestoreFlow(scope)
  const showToast = useToast()
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
      onError: (error) =>
        showToast({
          kind: 'error',
          title: isOutcomeUnknown(error) ? `Restore not confirmed: check the list` : `Couldn't restore “${label}”`,
          hint: isOutcomeUnknown(error)
            ? `8x8 did not confirm the restore of “${label}” in time; it may have made the new draft. Restoring again looks for it in the list first and creates none if it is there.`
            : undefined,
          error,
          copyName: `Copy error ID (restore ${label})`,
        }),
    })
  }
  return { restoreCopy, pending: restore.isPending }
}
