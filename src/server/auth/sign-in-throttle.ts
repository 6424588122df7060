export type SignInAttempt = { ok: true; end: (succeeded: boolean) => void } | { ok: false; waitMs: number }

/**
 * Counts failed sign-ins per key (client address, user name) in a fixed window; past `maxFailures`
 * the key is refused until the window ends. Attempts still being checked count as failures until
 * they are decided, so a burst of concurrent guesses gets no more checks than a slow sequence would.
 */
export function createSignInThrottle({ maxFailures = 5, windowMs = 15 * 60_000, now = Date.now } = {}) {
  const failures = new Map<string, { count: number; resetAt: number }>()
  const inFlight = new Map<string, number>()

  function entry(key: string) {
    const found = failures.get(key)
    if (found && found.resetAt <= now()) {
      failures.delete(key)
      return undefined
    }
    return found
  }

  function fail(key: string) {
    const found = entry(key)
    if (found) found.count += 1
    else failures.set(key, { count: 1, resetAt: now() + windowMs })
    if (failures.size > 10_000) {
      for (const [k] of failures) if (!entry(k)) failures.delete(k)
    }
  }

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  function blockedFor(key: string): number {
    const found = entry(key)
    if (found && found.count >= maxFailures) return found.resetAt - now()
    // Attempts being checked right now could use up what is left: wait until they are decided.
    return (found?.count ?? 0) + (inFlight.get(key) ?? 0) >= maxFailures ? 1000 : 0
  }

  return {
    blockedFor,
    /**
     * Decides, before any password is hashed, whether an attempt for `keys` may be checked. If so, it
     * counts as in flight for every key until `end` says how it went.
     */
    begin(keys: string[]): SignInAttempt {
      const waitMs = Math.max(...keys.map(blockedFor))
      if (waitMs > 0) return { ok: false, waitMs }
      for (const key of keys) inFlight.set(key, (inFlight.get(key) ?? 0) + 1)
      let ended = false
      return {
        ok: true,
        end(succeeded) {
          if (ended) return
          ended = true
          for (const key of keys) {
            const left = (inFlight.get(key) ?? 1) - 1
            if (left === 0) inFlight.delete(key)
            else inFlight.set(key, left)
            if (succeeded) failures.delete(key)
            else fail(key)
          }
        },
      }
    },
  }
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>
