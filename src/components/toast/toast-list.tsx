import * as Toast from '@radix-ui/react-toast'
import { ErrorDetails } from '../error-details'
import type { ShownToast } from './toaster'

const successDurationMs = 5000

export type ToastListProps = { toasts: ShownToast[]; onRemove: (id: number) => void }

/**
 * Success toasts fade after a few seconds; error toasts stay until dismissed, because support staff
 * need time to copy the errorId. F8 moves focus to the toasts.
 */
export default function ToastList({ toasts, onRemove }: ToastListProps) {
  return (
    <Toast.Provider swipeDirection="right" label="Notification">
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          className={`toast toast--${toast.kind}`}
          type={toast.kind === 'error' ? 'foreground' : 'background'}
          duration={toast.kind === 'error' ? Infinity : successDurationMs}
          onOpenChange={(open) => open || onRemove(toast.id)}
        >
          <Toast.Title className="toast__title">{toast.title}</Toast.Title>
          <Toast.Description asChild>
            <div className="toast__body">
              {toast.kind === 'error' ? (
                <>
                  {toast.hint && <p className="toast__hint">{toast.hint}</p>}
                  <ErrorDetails error={toast.error} copyName={toast.copyName} />
                  {toast.action && (
                    <button type="button" className="button button--small toast__action" onClick={toast.action.onClick}>
                      {toast.action.label}
                    </button>
                  )}
                </>
              ) : (
                toast.description
              )}
            </div>
          </Toast.Description>
          <Toast.Close className="toast__close" aria-label="Dismiss notification">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  )
}
