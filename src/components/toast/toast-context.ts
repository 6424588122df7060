import { createContext, useContext } from 'react'
import type { ApiError } from '../../api/api-error'

export type ToastInput =
  | { kind: 'success'; title: string; description?: string }
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

export function useToast() {
  const show = useContext(ToastContext)
  if (show === null) throw new Error('useToast must be used inside <Toaster>')
  return show
}
