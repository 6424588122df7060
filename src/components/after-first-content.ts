import { useEffect, useState } from 'react'

/**
 * What the page needs after its first content is on screen (the dialogs, the notifications' Radix
 * code, Recent activity, counts) waits for it: nothing competes with the first rows for the network or
 * the main thread. The page says when its content is rendered (`firstContentShown`); a page that never
 * says so (an error, another view) gets the rest shortly after it has loaded.
 */
let shown = false
let released = false
const waiting = new Set<() => void>()

const whenIdle = (task: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 500 }) : setTimeout(task, 1))

/** The page's first content has been rendered: once it is painted and the browser is idle, the rest may come. */
export function firstContentShown() {
  if (shown) return
  shown = true
  // The frame with the content is painted after this animation frame; then, when idle.
  requestAnimationFrame(() =>
    setTimeout(() =>
      whenIdle(() => {
        released = true
        for (const task of waiting) task()
        waiting.clear()
      }),
    ),
  )
}

// Module scripts run before the load event (none on the server, which renders pages too).
if (typeof window !== 'undefined') addEventListener('load', () => setTimeout(firstContentShown, 1500), { once: true })

/** Runs `task` after the first content (at once if that has passed); returns a cancel. */
export function afterFirstContent(task: () => void): () => void {
  if (released) {
    task()
    return () => undefined
  }
  waiting.add(task)
  return () => waiting.delete(task)
}

/** False until the page's first content is on screen, then true. */
export function useAfterFirstContent(): boolean {
  const [ready, setReady] = useState(released)
  useEffect(() => afterFirstContent(() => setReady(true)), [])
  return ready
}
