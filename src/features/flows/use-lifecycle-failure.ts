import type { ApiError } from '../../api/api-error'
import { useToast } from '../../components/toast/toast-context'
import type { Flow } from '../../shared/flow'
import { isOutcomeUnknown } from './delete-outcome'
import { flowLabel } from './flow-label'

/**
 * The notice of a clone or publish that failed, from the list or the editor alike: 8x8's code and
 * Error ID, and when no answer came in time, that it may have happened (with Refresh list where there
 * is a list to refresh).
 */
export function useLifecycleFailure() {
  const showToast = useToast()
  return (flow: Pick<Flow, 'id' | 'name'>, verb: 'clone' | 'publish', error: ApiError, refetchList?: () => void) => {
    const label = flowLabel(flow)
    const copyName = `Copy error ID (${label})`
    if (!isOutcomeUnknown(error)) {
      showToast({ kind: 'error', title: `Couldn't ${verb} “${label}”`, error, copyName })
      return
    }
    showToast({
      kind: 'error',
      title: `${verb === 'clone' ? 'Clone' : 'Publish'} not confirmed: “${label}”`,
      hint: `No confirmation came back in time. Refresh the list to see whether ${verb === 'clone' ? 'the clone was made' : 'the flow is now PUBLISHED'} before trying again.`,
      error,
      copyName,
      ...(refetchList ? { action: { label: 'Refresh list', onClick: refetchList } } : {}),
    })
  }
}
