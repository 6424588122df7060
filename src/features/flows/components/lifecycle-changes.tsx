import { useNavigate } from 'react-router'
import type { ApiError } from '../../../api/api-error'
import { useToast } from '../../../components/toast/toast-context'
import type { Channel, Flow } from '../../../shared/flow'
import { publishedNotice, useCloneFlow, usePublishFlow } from '../api/flow-lifecycle'
import type { FlowScope } from '../api/flow-queries'
import { flowLabel } from '../flow-label'
import { editorHref } from '../flow-hrefs'
import { useLifecycleFailure } from '../use-lifecycle-failure'
import { CloneFlowDialog, PublishFlowDialog } from './lifecycle-dialogs'

export type LifecycleChangeProps = {
  dialog: { kind: 'clone' | 'publish'; flow: Flow }
  scope: FlowScope
  channel: Channel
  onClose: () => void
  onCloseAutoFocus: (event: Event) => void
  refetchList: () => void
  onChangeSettled?: () => void
}

/**
 * Clone and publish from the flows list: the confirmation, one request, and what follows (the clone
 * opens in the editor; a publish says it is done). Failures show 8x8's code and Error ID.
 */
export function LifecycleChange({ dialog, scope, channel, onClose, onCloseAutoFocus, refetchList, onChangeSettled }: LifecycleChangeProps) {
  const cloning = useCloneFlow(scope)
  const publishing = usePublishFlow(scope)
  const showToast = useToast()
  const navigate = useNavigate()

  const showFailure = useLifecycleFailure()
  function failed(flow: Flow, verb: 'clone' | 'publish', error: ApiError) {
    onClose()
    showFailure(flow, verb, error, refetchList)
  }

  if (dialog.kind === 'publish') {
    return (
      <PublishFlowDialog
        flow={dialog.flow}
        channelName={channel.name}
        pending={publishing.isPending}
        onCancel={onClose}
        onCloseAutoFocus={onCloseAutoFocus}
        onConfirm={(flow) =>
          publishing.mutate(flow, {
            onSettled: () => onChangeSettled?.(),
            onSuccess: (result) => {
              onClose()
              showToast(publishedNotice(flowLabel(flow), result))
            },
            onError: (error) => failed(flow, 'publish', error),
          })
        }
      />
    )
  }
  return (
    <CloneFlowDialog
      flow={dialog.flow}
      pending={cloning.isPending}
      onCancel={onClose}
      onCloseAutoFocus={onCloseAutoFocus}
      onConfirm={(flow, name) =>
        cloning.mutate(
          { flow, name },
          {
            onSettled: () => onChangeSettled?.(),
            onSuccess: (result) => {
              onClose()
              showToast({ kind: 'success', title: `Cloned as “${name}”`, description: `A new draft with the JSON of “${flowLabel(flow)}”, open in the editor.` })
              void navigate(editorHref(scope, result.id))
            },
            onError: (error) => failed(flow, 'clone', error),
          },
        )
      }
    />
  )
}
