import { useEffect } from 'react'
import { guardBackAndForward } from '../../app/pop-guard'

/** Where an entry is in the session's history, as React Router's BrowserRouter numbers it. */
function indexOf(state: unknown): number | undefined {
  const idx = (state as { idx?: unknown } | null)?.idx
  return typeof idx === 'number' ? idx : undefined
}

export const leaveQuestion = 'Leave the editor? Your unsaved changes stay in this browser and are offered back when you open this flow again.'

/**
 * While there are unsaved changes: the browser asks before a reload or a closed tab, and a click on a
 * link of this console, or the browser's Back or Forward, asks before it leaves the editor.
 *
 * Back and Forward: by the time the browser says so (popstate) the address has changed already. The
 * editor hears it before the router does (app/pop-guard.ts), keeps the router from acting on it, and
 * steps back to the editor's entry; then asks. OK takes the step again, and that time the router
 * follows. (React Router's useBlocker would do this, but needs its data router, whose code the first
 * page has no room for.)
 */
export function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download') || link.origin !== location.origin) return
      if (link.pathname === location.pathname) return
      if (!window.confirm(leaveQuestion)) {
        event.preventDefault()
        event.stopImmediatePropagation()
      }
    }
    // The entry the editor is at, as the router numbers them (its `idx` in history.state).
    const here = indexOf(history.state)
    let returning = false
    let leaving = false
    const onPopState = (event: PopStateEvent) => {
      if (leaving) return
      event.stopImmediatePropagation()
      if (returning) {
        // Back at the editor's entry, as before: now the question.
        returning = false
        const moved = pendingMove
        pendingMove = 0
        if (moved !== 0 && window.confirm(leaveQuestion)) {
          leaving = true
          history.go(moved)
        }
        return
      }
      const to = indexOf(event.state)
      pendingMove = here === undefined || to === undefined ? -1 : to - here
      returning = true
      history.go(-pendingMove)
    }
    let pendingMove = 0
    window.addEventListener('beforeunload', beforeUnload)
    document.addEventListener('click', onClick, true)
    guardBackAndForward(onPopState)
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      document.removeEventListener('click', onClick, true)
      guardBackAndForward(undefined)
    }
  }, [dirty])
}
