import { useCallback, useRef } from 'react'

/**
 * Where the keyboard focus goes when a dialog closes (the dialogs here are unmounted to close, and the
 * page around them re-renders meanwhile): back to the control that opened it, or, after a change, to
 * where the change says (`landOn`, e.g. the new version's row), or else the page's heading. Never the
 * page's body.
 *
 * `opening()` before the dialog opens; `onCloseAutoFocus` to the dialog (Radix calls it as it closes).
 */
export function useDialogFocus() {
  const opener = useRef<HTMLElement | null>(null)
  const after = useRef<(() => HTMLElement | null | undefined) | null>(null)
  const opening = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    after.current = null
  }, [])
  const landOn = useCallback((target: () => HTMLElement | null | undefined) => {
    after.current = target
  }, [])
  const onCloseAutoFocus = useCallback((event: Event) => {
    event.preventDefault()
    // After a change, its target may appear a moment later (a list read again): the heading meanwhile.
    const target = after.current?.() ?? (after.current === null && opener.current?.isConnected ? opener.current : null) ?? document.querySelector<HTMLElement>('main h1[tabindex]')
    target?.focus()
  }, [])
  return { opening, landOn, onCloseAutoFocus }
}
