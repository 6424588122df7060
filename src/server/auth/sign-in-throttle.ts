/**
 * Counts failed sign-ins per key (client address, user name) in a fixed window; past `maxFailures`
 * the key is refused until the window ends.
 */
export function createSignInThrottle({ maxFailures = 5, windowMs = 15 * 60_000, now = Date.now } = {}) {
  const failures = new Map<string, { count: number; resetAt: number }>()

  function entry(key: string) {
    const found = failures.get(key)
    if (found && found.resetAt <= now()) {
      failures.delete(key)
      return undefined
    }
    return found
  }

  return {
    /** Milliseconds until `key` may try again; 0 when it may try now. */
    blockedFor(key: string): number {
      const found = entry(key)
      return found && found.count >= maxFailures ? found.resetAt - now() : 0
    },
    fail(key: string) {
      const found = entry(key)
      if (found) found.count += 1
      else failures.set(key, { count: 1, resetAt: now() + windowMs })
      if (failures.size > 10_000) {
        for (const [k] of failures) if (!entry(k)) failures.delete(k)
      }
    },
    succeed(key: string) {
      failures.delete(key)
    },
  }
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>
