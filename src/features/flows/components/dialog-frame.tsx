import * as AlertDialog from '@radix-ui/react-alert-dialog'
import type { ReactNode } from 'react'

type DialogFrameProps = {
  title: ReactNode
  /** While its action runs, the dialog stays: Escape and the overlay do not close it. */
  busy: boolean
  onClose: () => void
  onOpenAutoFocus?: (event: Event) => void
  onCloseAutoFocus?: (event: Event) => void
  wide?: boolean
  children: ReactNode
}

/**
 * The frame of every dialog on the flows page: modal (Radix AlertDialog), mounted only while open
 * (closing is the caller unmounting it), and held open while its action runs.
 */
export function DialogFrame({ title, busy, onClose, onOpenAutoFocus, onCloseAutoFocus, wide = false, children }: DialogFrameProps) {
  return (
    <AlertDialog.Root open onOpenChange={(isOpen) => isOpen || busy || onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className={wide ? 'dialog dialog--wide' : 'dialog'}
          onEscapeKeyDown={(event) => busy && event.preventDefault()}
          onOpenAutoFocus={onOpenAutoFocus}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
          {children}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
