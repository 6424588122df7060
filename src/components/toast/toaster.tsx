import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react'
import { ToastContext, type ToastInput } from './toast-context'

export type ShownToast = ToastInput & { id: number }

// Radix Toast is not needed for the first paint: it loads right after it. A toast shown before that
// waits in the state below and appears once the list has loaded.
const ToastList = lazy(() => import('./toast-list'))

let nextId = 1

/** Holds the toasts; `useToast()` shows one. */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([])
  const show = useCallback((toast: ToastInput) => setToasts((current) => [...current, { ...toast, id: nextId++ }]), [])
  const remove = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), [])

  return (
    <ToastContext.Provider value={show}>
      {children}
      <Suspense fallback={null}>
        <ToastList toasts={toasts} onRemove={remove} />
      </Suspense>
    </ToastContext.Provider>
  )
}
