import { startTransition, useEffect, useState } from 'react'

/** Enough rows to fill the window (a row is at least 40 px tall; 54 px at 1280×720), at least 12. */
function screenful(): number {
  return Math.max(12, Math.ceil(window.innerHeight / 40))
}

/**
 * How many of `total` rows a table renders: when it first appears, only a screenful, so that screen is
 * painted sooner; the rest come right after it is (in a transition, so a click or a key goes first).
 * From then on, all of them: Find in the page and select-all see every row.
 */
export function useFirstScreen(total: number): number {
  const [whole, setWhole] = useState(false)
  useEffect(() => {
    if (whole) return
    // A frame callback runs before that frame's paint; the transition it starts renders after it.
    const frame = requestAnimationFrame(() => startTransition(() => setWhole(true)))
    return () => cancelAnimationFrame(frame)
  }, [whole])
  return whole ? total : Math.min(total, screenful())
}
