/** A read kept: its value and when the read that brought it began. */
export type KeptRead<T> = { value: T; at: number }

/**
 * What was just read of a channel (its list, its templates), answered again to the reads that follow
 * within `reuseMs`: page loads and the browser's refetches then cost 8x8 one call per window, not one
 * each. A `fresh` read (the operator's Refresh) always asks 8x8.
 *
 * The last value stays known (`last`), however old, for a read that the budget refuses: the list as
 * it was, said to be so, is better than none. A change of this instance to a channel (`changing`,
 * when it begins and when it ends) drops what was read of it, known to be out of date, and a read
 * that was on its way meanwhile is not kept: it may hold the channel as it was before the change.
 */
export function recentReads({ reuseMs, now }: { reuseMs: number; now: () => number }) {
  const kept = new Map<string, KeptRead<unknown>>()
  // Per channel, how many times a change began or ended: a read keeps its value only if none did meanwhile.
  const changes = new Map<string, number>()
  const changesOf = (channel: string) => changes.get(channel) ?? 0

  return {
    async read<T>(channel: string, key: string, fresh: boolean, run: () => Promise<T>): Promise<T> {
      const hit = kept.get(key)
      if (!fresh && hit !== undefined && now() - hit.at < reuseMs) return hit.value as T
      const before = changesOf(channel)
      const at = now()
      const value = await run()
      // A newer value may have arrived meanwhile (a Refresh): the later read wins.
      const current = kept.get(key)
      if (changesOf(channel) === before && (current === undefined || current.at <= at)) kept.set(key, { value, at })
      return value
    },

    /** The last value read for `key`, however old, and when it was read. */
    last: <T>(key: string) => kept.get(key) as KeptRead<T> | undefined,

    /** A change to the channel begins or ends: what was read of it is out of date. */
    changing(channel: string) {
      changes.set(channel, changesOf(channel) + 1)
      for (const key of kept.keys()) if (key.startsWith(`${channel}/`)) kept.delete(key)
    },
  }
}
