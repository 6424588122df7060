import { createContext, useContext } from 'react'
import type { ApiError } from '../../api/api-error'

export type ToastInput =
  | {
      /** `info`: something the operator should know that is not an error (e.g. another tab did it first). */
      kind: 'success' | 'info'
      title: string
      description?: string
      /** One click, then the notification closes (e.g. Undo). */
      action?: { label: string; onClick: () => void }
      /** How long it stays (default 5 s); Radix pauses the countdown while it is hovered or focused. */
      durationMs?: number
    }
  | {
      kind: 'error'
      title: string
      error: ApiError
      /** What the operator should do next, above the error's details. */
      hint?: string
      /** The Copy error ID button's accessible name, naming what failed (several may be on screen). */
      copyName?: string
      action?: { label: string; onClick: () => void }
    }

export const ToastContext = createContext<((toast: ToastInput) => void) | null>(null)

/** A toast on screen: what was asked for, and its place in the list. */
export type ShownToast = ToastInput & { id: number }

export function useToast() {
  const show = useContext(ToastContext)
  if (show === null) throw new Error('useToast must be used inside <Toaster>')
  return show
}
