import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * Wraps a state-changing action so that it runs once however often it is triggered: a double-click,
 * or two clicks that land before the page re-renders (react-query's isPending reaches a button only
 * after a render; a ref holds at once). For buttons whose component is mounted once per confirmation
 * (dialogs are mounted only while open), so one mount is one intent.
 */
export function useActOnce<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
  const done = useRef(false)
  const latest = useRef(action)
  useLayoutEffect(() => {
    latest.current = action
  })
  return useCallback((...args: A) => {
    if (done.current) return
    done.current = true
    latest.current(...args)
  }, [])
}
