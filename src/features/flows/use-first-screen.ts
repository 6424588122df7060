import { startTransition, useEffect, useState } from 'react'
import { useHydrated } from '../../components/use-hydrated'

/**
 * A table's rows start at least this far down the page (header, page title, toolbar and status line
 * sit above them: 314 px or more at every width from 320 to 2560 px), and a row is at least this tall
 * (54 px or more). So `screenful()` rows always reach the window's bottom: e2e/first-screen.spec.ts
 * checks it on the real layout.
 */
const chromeAbove = 250
const shortestRow = 50

/** The rows that can show in the window when the page opens, and a few more (10 at 1280×720, where 8 show). */
function screenful(): number {
  return Math.max(4, Math.ceil((window.innerHeight - chromeAbove) / shortestRow))
}

/**
 * The rows a page rendered by the server holds (it does not know the window): enough to fill a window
 * 1250 px tall, most screens'. A taller one gets the rest once the app has taken the page over. Each
 * row more costs the first paint: 12 rows instead of 36 made it 0.89× instead of 0.99–1.41× the plain
 * table's at 100 flows (bench/first-row.bench.ts). Hydration starts from the same number.
 */
export const serverFirstScreen = 20

/**
 * How many of `total` rows a table renders: when it first appears, only what the window can show, so
 * that screen is painted sooner; the rest come right after it is (in a transition, so a click or a key
 * goes first). From then on, all of them: Find in the page and select-all see every row.
 */
export function useFirstScreen(total: number): number {
  const hydrated = useHydrated()
  const [first] = useState(() => (hydrated ? screenful() : serverFirstScreen))
  const [whole, setWhole] = useState(false)
  useEffect(() => {
    if (whole) return
    // A frame callback runs before that frame's paint; the transition it starts renders after it.
    const frame = requestAnimationFrame(() => startTransition(() => setWhole(true)))
    return () => cancelAnimationFrame(frame)
  }, [whole])
  return whole ? total : Math.min(total, first)
}
