/**
 * One change per flow at a time: `acquire` says whether this request may send its change to 8x8,
 * `release` gives the flow back once 8x8 has answered (or the call gave up).
 */
export type ChangeLock = {
  acquire(key: string): Promise<boolean>
  release(key: string): Promise<void>
  /** When a held lock expires by itself (epoch ms), where locks expire (shared ones); undefined when not held. */
  expiresAt?(key: string): Promise<number | undefined>
}

/** One instance's lock, in memory (shared through Postgres by several instances: see store/shared-limits). */
export function createChangeLock(): ChangeLock {
  const changing = new Set<string>()
  return {
    async acquire(key) {
      if (changing.has(key)) return false
      changing.add(key)
      return true
    },
    async release(key) {
      changing.delete(key)
    },
  }
}
