import * as AlertDialog from '@radix-ui/react-alert-dialog'
import type { ReactNode } from 'react'
import { useActOnce } from '../../../components/use-act-once'
import { DialogFrame } from './dialog-frame'
import './dialogs.css'

/** Mounted only while open: closing is the caller unmounting it. */
export type ConfirmDialogProps = {
  title: string
  /** What will happen, and that it cannot be undone: read out when the dialog opens. */
  description: ReactNode
  /** Shown under the description, e.g. a download link to keep a copy first. */
  extra?: ReactNode
  confirmLabel: string
  pendingLabel: string
  /** What is happening while the action runs, and how long it may take. */
  pendingNote?: ReactNode
  pending: boolean
  onConfirm: () => void
  onCancel: () => void
  onCloseAutoFocus?: (event: Event) => void
  /** `danger` (the default) for what cannot be undone, `primary` for what adds (a restore). */
  tone?: 'danger' | 'primary'
}

/**
 * An irreversible action, confirmed. Cancel has the initial focus and Escape cancels, except while
 * the action runs: then the dialog stays until 8x8 has answered, and the caller closes it.
 * The confirm button acts once per dialog, whatever the clicking.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, description, extra, confirmLabel, pendingLabel, pendingNote, pending, onConfirm, onCancel, onCloseAutoFocus, tone = 'danger' } = props
  const confirmOnce = useActOnce(onConfirm)
  return (
    <DialogFrame title={title} busy={pending} onClose={onCancel} onCloseAutoFocus={onCloseAutoFocus}>
      <AlertDialog.Description asChild>
        <div className="dialog__body">{description}</div>
      </AlertDialog.Description>
      {extra}
      {pending && pendingNote && (
        <output className="dialog__pending small">{pendingNote}</output>
      )}
      <div className="dialog__actions">
        <AlertDialog.Cancel className="button" disabled={pending}>
          Cancel
        </AlertDialog.Cancel>
        {/* aria-disabled, not disabled: the focus stays on the button while the action runs. */}
        <AlertDialog.Action
          className={`button button--${tone}`}
          aria-disabled={pending}
          aria-busy={pending}
          onClick={(event) => {
            event.preventDefault()
            confirmOnce()
          }}
        >
          {pending && <span className="spinner" aria-hidden="true" />}
          {pending ? pendingLabel : confirmLabel}
        </AlertDialog.Action>
      </div>
    </DialogFrame>
  )
}
