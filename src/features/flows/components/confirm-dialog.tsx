import * as AlertDialog from '@radix-ui/react-alert-dialog'
import type { ReactNode } from 'react'

/** Mounted only while open: closing is the caller unmounting it. */
export type ConfirmDialogProps = {
  title: string
  /** What will happen, and that it cannot be undone: read out when the dialog opens. */
  description: ReactNode
  /** Shown under the description, e.g. a download link to keep a copy first. */
  extra?: ReactNode
  confirmLabel: string
  pendingLabel: string
  pending: boolean
  onConfirm: () => void
  onCancel: () => void
  onCloseAutoFocus?: (event: Event) => void
}

/**
 * An irreversible action, confirmed. Cancel has the initial focus and Escape cancels, except while
 * the action runs: then the dialog stays until 8x8 has answered, and the caller closes it.
 */
export function ConfirmDialog({ title, description, extra, confirmLabel, pendingLabel, pending, onConfirm, onCancel, onCloseAutoFocus }: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open onOpenChange={(isOpen) => isOpen || pending || onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog"
          onEscapeKeyDown={(event) => pending && event.preventDefault()}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog__body">{description}</div>
          </AlertDialog.Description>
          {extra}
          <div className="dialog__actions">
            <AlertDialog.Cancel className="button" disabled={pending}>
              Cancel
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className="button button--danger"
              disabled={pending}
              aria-busy={pending}
              onClick={(event) => {
                event.preventDefault()
                onConfirm()
              }}
            >
              {pending && <span className="spinner" aria-hidden="true" />}
              {pending ? pendingLabel : confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
