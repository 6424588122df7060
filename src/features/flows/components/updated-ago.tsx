import { useHydrated } from '../../../components/use-hydrated'
import { ago } from '../../../components/ago'
import { useNow } from '../../../components/use-now'

/**
 * "Updated 12 seconds ago". Ticks on its own, so the table around it does not re-render every few
 * seconds; not a live region (a screen reader announcing it every tick would be noise).
 */
export function UpdatedAgo({ at }: { at: number }) {
  const now = useNow()
  // A page the server rendered says "just now" (the server's clock read the list) until hydrated.
  const shown = useHydrated() ? now - at : 0
  if (at === 0) return null
  return (
    // No formatted date as a tooltip: the first toLocaleString of a page costs ~5 ms on the way to the first rows.
    <time className="muted small" dateTime={new Date(at).toISOString()}>
      Updated {ago(shown)}
    </time>
  )
}
