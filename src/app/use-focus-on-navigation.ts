import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

/** Up to about two seconds of frames for a lazily loaded page to show its heading. */
const maxFrames = 120

/**
 * After a route change (a link, Back, Forward) the keyboard focus goes to the new page's heading, as a
 * screen reader user expects, instead of being lost to the page's body with the element that held it.
 * Not when the operator is still on a control that stays (the channel picker, the header's search):
 * that control caused the change and keeps the focus.
 */
export function useFocusOnNavigation() {
  const { pathname } = useLocation()
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const held = document.activeElement
    if (held !== null && held !== document.body && held.isConnected && held.tagName !== 'A') return
    let frames = 0
    let request = 0
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1')
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
        heading.focus()
      } else if (frames++ < maxFrames) request = requestAnimationFrame(focusHeading)
    }
    request = requestAnimationFrame(focusHeading)
    return () => cancelAnimationFrame(request)
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- runs on each route change: the path is the trigger
  }, [pathname])
}
