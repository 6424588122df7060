import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react'
import { useAfterFirstContent } from '../after-first-content'
import { ErrorDetails } from '../error-details'
import { ToastContext, type ShownToast, type ToastInput } from './toast-context'
import type { ToastListProps } from './toast-list'

// Radix Toast is not needed for the first paint: it loads after the page's first content. A toast shown before that
// waits in the state below and appears once the list has loaded. Should the chunk not arrive (the
// server went away just then), the plain list below shows the toasts: the "server unreachable" error
// must never depend on fetching something from that server.
const ToastList = lazy(() => import('./toast-list').catch(() => ({ default: PlainToastList })))

function PlainToastList({ toasts, onRemove }: ToastListProps) {
  return (
    <section aria-label="Notifications" className="toast-viewport">
      {toasts.map((toast) => (
        <div key={toast.id} role={toast.kind === 'error' ? 'alert' : 'status'} className={`toast toast--${toast.kind}`}>
          <div className="toast__title">{toast.title}</div>
          {toast.kind === 'error' ? <ErrorDetails error={toast.error} copyName={toast.copyName} /> : toast.description}
          <button type="button" className="toast__close" aria-label="Dismiss notification" onClick={() => onRemove(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  )
}

let nextId = 1

/** Holds the toasts; `useToast()` shows one. */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([])
  const show = useCallback((toast: ToastInput) => setToasts((current) => [...current, { ...toast, id: nextId++ }]), [])
  const remove = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), [])
  // Radix Toast comes after the page's first content, or with the first notification if that is sooner.
  const later = useAfterFirstContent()

  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* Room below the page's last row, so nothing has to stay under a notification. */}
      {toasts.length > 0 && <div className="toast-room" aria-hidden="true" />}
      {(later || toasts.length > 0) && (
        <Suspense fallback={null}>
          <ToastList toasts={toasts} onRemove={remove} />
        </Suspense>
      )}
    </ToastContext.Provider>
  )
}
