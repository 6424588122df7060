import * as AlertDialog from '@radix-ui/react-alert-dialog'
import type { Flow } from '../../../shared/flow'
import { flowLabel } from '../flow-label'

export type DeleteFlowDialogProps = {
  /** The flow to delete; null when the dialog is closed. */
  flow: Flow | null
  channelName: string
  pending: boolean
  onConfirm: (flow: Flow) => void
  onCancel: () => void
  onCloseAutoFocus?: (event: Event) => void
}

/** Cancel has the initial focus and Escape cancels, except while the delete is running. */
export function DeleteFlowDialog({ flow, channelName, pending, onConfirm, onCancel, onCloseAutoFocus }: DeleteFlowDialogProps) {
  return (
    <AlertDialog.Root open={flow !== null} onOpenChange={(open) => open || pending || onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog"
          onEscapeKeyDown={(event) => pending && event.preventDefault()}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          {flow && (
            <>
              <AlertDialog.Title className="dialog__title">Delete flow?</AlertDialog.Title>
              <AlertDialog.Description asChild>
                <div className="dialog__body">
                  <p>
                    <strong>{flowLabel(flow)}</strong> (ID <code>{flow.id}</code>) will be deleted from channel{' '}
                    <strong>{channelName}</strong>.
                  </p>
                  <p className="dialog__warning">Deletion is permanent and cannot be undone.</p>
                </div>
              </AlertDialog.Description>
              <div className="dialog__actions">
                <AlertDialog.Cancel className="button" disabled={pending}>
                  Cancel
                </AlertDialog.Cancel>
                <AlertDialog.Action
                  className="button button--danger"
                  disabled={pending}
                  aria-busy={pending}
                  onClick={(event) => {
                    // Stay open until 8x8 has answered; the caller closes the dialog.
                    event.preventDefault()
                    onConfirm(flow)
                  }}
                >
                  {pending && <span className="spinner" aria-hidden="true" />}
                  {pending ? 'Deleting…' : 'Delete flow'}
                </AlertDialog.Action>
              </div>
            </>
          )}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
