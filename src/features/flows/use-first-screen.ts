import { startTransition, useEffect, useLayoutEffect, useState, type RefObject } from 'react'

/**
 * A table's rows start at least this far down the page (header, page title, toolbar and status line
 * sit above them: 314 px at every width from 320 to 2560 px), and a row is at least this tall (54 px).
 */
const chromeAbove = 250
const shortestRow = 50

/** At most the rows that can show in the window when the page opens (10 at 1280×720, where 8 show). */
function screenful(): number {
  return Math.max(4, Math.ceil((window.innerHeight - chromeAbove) / shortestRow))
}

/**
 * How many of `total` rows a table renders: when it first appears, only what the window can show, so
 * that screen is painted sooner; the rest come right after it is (in a transition, so a click or a key
 * goes first). From then on, all of them: Find in the page and select-all see every row.
 * `body`: the rows' container. If the first rows end above the window's bottom (a layout shorter than
 * expected), more are rendered before that frame is painted, so the first screen is never cut short.
 */
export function useFirstScreen(total: number, body: RefObject<HTMLTableSectionElement | null>): number {
  // null: every row.
  const [first, setFirst] = useState<number | null>(screenful)
  useLayoutEffect(() => {
    if (first === null || first >= total || !body.current) return
    const { top, bottom } = body.current.getBoundingClientRect()
    if (bottom >= window.innerHeight) return
    const rowHeight = (bottom - top) / Math.max(1, body.current.rows.length)
    // Without a layout (or rows of no height), nothing says how many fill the window: all of them.
    // oxlint-disable-next-line react/set-state-in-effect -- measured layout decides a render before the paint (what layout effects are for)
    setFirst(rowHeight > 0 ? first + Math.ceil((window.innerHeight - bottom) / rowHeight) : null)
  }, [first, total, body])
  useEffect(() => {
    if (first === null) return
    // A frame callback runs before that frame's paint; the transition it starts renders after it.
    const frame = requestAnimationFrame(() => startTransition(() => setFirst(null)))
    return () => cancelAnimationFrame(frame)
  }, [first])
  return first === null ? total : Math.min(total, first)
}
