import { useEffect, useState } from 'react'

/** The time now, read again every `everyMs`: for "12 seconds ago" that stays true without re-rendering its parents. */
export function useNow(everyMs = 5000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
