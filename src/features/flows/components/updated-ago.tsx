import { useEffect, useState } from 'react'
import { ago } from '../../../components/date-time'

/**
 * "Updated 12 seconds ago". Ticks on its own, so the table around it does not re-render every few
 * seconds; not a live region (a screen reader announcing it every tick would be noise).
 */
export function UpdatedAgo({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000)
    return () => clearInterval(timer)
  }, [])
  if (at === 0) return null
  return (
    // No formatted date as a tooltip: the first toLocaleString of a page costs ~5 ms on the way to the first rows.
    <time className="muted small" dateTime={new Date(at).toISOString()}>
      Updated {ago(now - at)}
    </time>
  )
}
