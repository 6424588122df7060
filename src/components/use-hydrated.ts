import { useSyncExternalStore } from 'react'

const never = () => () => undefined

/**
 * False while the server renders the page and while the browser hydrates what it rendered; true in
 * every render after (and from the first one, in a page the browser renders itself). What only the
 * browser can know (the window's height, the clock) starts from the server's value while this is
 * false, so hydration finds the same markup; React renders again at once with true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
