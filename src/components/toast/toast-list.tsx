import * as Toast from '@radix-ui/react-toast'
import './toast-list.css'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { CompactErrorDetails } from './compact-error'
import type { ShownToast } from './toast-context'

const successDurationMs = 5000

export type ToastListProps = { toasts: ShownToast[]; onRemove: (id: number) => void }

/**
 * Where the focus goes back to when it leaves the notifications: the last thing focused outside
 * them, else the page's main heading (never the page's body, where the keyboard user is lost).
 */
/** The notifications' region (Radix's wrapper around the list, with its focus proxies). */
function regionOf(viewport: RefObject<HTMLOListElement | null>) {
  return viewport.current?.closest('[role="region"]') ?? viewport.current
}

function useReturnFocus(viewport: RefObject<HTMLOListElement | null>) {
  const lastOutside = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const region = () => regionOf(viewport)
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && !region()?.contains(event.target)) lastOutside.current = event.target
    }
    // Tab past the last toast goes through Radix's focus proxy and lands on the page's body: bring it back.
    const onFocusOut = (event: FocusEvent) => {
      if (!(event.target instanceof Node && region()?.contains(event.target))) return
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) returnFocus()
      })
    }
    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('focusout', onFocusOut)
    return () => {
      document.removeEventListener('focusin', onFocusIn)
      document.removeEventListener('focusout', onFocusOut)
    }
  }, [viewport])
  function returnFocus() {
    const target = lastOutside.current?.isConnected ? lastOutside.current : document.querySelector<HTMLElement>('main h1[tabindex]')
    target?.focus({ preventScroll: true })
  }
  return returnFocus
}

/**
 * While a modal dialog is open (Radix locks the body's scroll: `data-scroll-locked`) the notices wait
 * under its backdrop: their countdown (an Undo's 15 s) pauses, and goes on once the dialog has closed.
 */
function usePauseUnderModals(viewport: RefObject<HTMLOListElement | null>) {
  useEffect(() => {
    let paused = false
    const sync = () => {
      const modal = document.body.hasAttribute('data-scroll-locked')
      if (modal === paused) return
      paused = modal
      viewport.current?.dispatchEvent(new CustomEvent(modal ? 'toast.viewportPause' : 'toast.viewportResume'))
    }
    const observer = new MutationObserver(sync)
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-scroll-locked'] })
    sync()
    return () => observer.disconnect()
  }, [viewport])
}

/**
 * Success toasts fade after a few seconds; error toasts stay until dismissed, because support staff
 * need time to copy the errorId. They never take the page: only the newest is shown (and any whose
 * action, such as Undo, is still to be had), the others fold behind "Show N more", the stack's height
 * is capped, and the space around the toasts lets clicks through. F8 moves focus to the toasts;
 * leaving them returns it to where the operator was.
 */
export default function ToastList({ toasts, onRemove }: ToastListProps) {
  const [expanded, setExpanded] = useState(false)
  const viewport = useRef<HTMLOListElement>(null)
  const returnFocus = useReturnFocus(viewport)
  usePauseUnderModals(viewport)
  const newest = toasts.at(-1)?.id
  // Folded: all but the newest, except a notice whose action is still to be had (a delete's Undo, for
  // its 15 s): an error arriving after it must not hide it.
  const stays = (toast: ShownToast) => toast.id === newest || (toast.kind !== 'error' && toast.action !== undefined)
  const folded = toasts.filter((toast) => !stays(toast)).length

  useEffect(() => {
    if (folded === 0) setExpanded(false)
    // The last one dismissed with the focus in the notifications: back to the page.
    const active = document.activeElement
    if (toasts.length === 0 && (active === document.body || (active !== null && regionOf(viewport)?.contains(active)))) returnFocus()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the number of toasts changes
  }, [toasts.length])

  return (
    <Toast.Provider swipeDirection="right" label="Notification">
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          className={`toast toast--${toast.kind}`}
          data-folded={!expanded && !stays(toast) ? '' : undefined}
          type={toast.kind === 'error' ? 'foreground' : 'background'}
          duration={toast.kind === 'error' ? Infinity : (toast.durationMs ?? successDurationMs)}
          onOpenChange={(open) => open || onRemove(toast.id)}
        >
          <Toast.Title className="toast__title">
            {toast.title}
          </Toast.Title>
          <Toast.Description asChild>
            <div className="toast__body">
              {toast.kind === 'error' ? (
                <CompactErrorDetails
                  error={toast.error}
                  copyName={toast.copyName}
                  hint={toast.hint}
                  actions={
                    toast.action && (
                      <button type="button" className="button button--small" onClick={toast.action.onClick}>
                        {toast.action.label}
                      </button>
                    )
                  }
                />
              ) : (
                <>
                  <div>{toast.description}</div>
                  {toast.action && (
                    <Toast.Action asChild altText={toast.action.label}>
                      <button type="button" className="button button--small toast__action" onClick={toast.action.onClick}>
                        {toast.action.label}
                      </button>
                    </Toast.Action>
                  )}
                </>
              )}
            </div>
          </Toast.Description>
          {toast.id === newest && folded > 0 && (
            <button type="button" className="link-button toast__more small" aria-expanded={expanded} onClick={() => setExpanded((on) => !on)}>
              {expanded ? 'Show only the newest' : `Show ${folded} more ${folded === 1 ? 'notification' : 'notifications'}`}
            </button>
          )}
          <Toast.Close className="toast__close" aria-label="Dismiss notification">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport ref={viewport} className="toast-viewport" />
    </Toast.Provider>
  )
}
