import { useEffect } from 'react'

export const leaveQuestion = 'Leave the editor? Your unsaved changes stay in this browser and are offered back when you open this flow again.'

/**
 * While there are unsaved changes: the browser asks before a reload or a closed tab, and a click on
 * a link of this console asks before it leaves the editor. (Back and forward are not asked about: the
 * text is kept in this browser either way.)
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
    window.addEventListener('beforeunload', beforeUnload)
    document.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [dirty])
}
