export type SignInAttempt = { ok: true; end: (succeeded: boolean) => Promise<void> } | { ok: false; waitMs: number }

/**
 * Failed sign-ins per key (client address, user name) in a fixed window; past `maxFailures` the key
 * is refused until the window ends. Decided before any password is hashed: an attempt counts as a
 * failure as soon as it begins, and a success clears the count. So a burst of concurrent guesses gets
 * no more checks than a slow sequence would, and an instance that dies mid-check leaves the count
 * stricter, never looser.
 */
export type SignInThrottle = {
  begin(keys: string[]): Promise<SignInAttempt>
}

export const signInLimits = { maxFailures: 5, windowMs: 15 * 60_000 }

/** One instance's throttle, in memory. */
export function createSignInThrottle({ maxFailures = signInLimits.maxFailures, windowMs = signInLimits.windowMs, now = Date.now } = {}): SignInThrottle {
  const failures = new Map<string, { count: number; resetAt: number }>()

  function current(key: string) {
    const found = failures.get(key)
    if (found && found.resetAt <= now()) {
      failures.delete(key)
      return undefined
    }
    return found
  }

  return {
    async begin(keys) {
      const waitMs = Math.max(...keys.map((key) => {
        const found = current(key)
        return found && found.count >= maxFailures ? found.resetAt - now() : 0
      }))
      if (waitMs > 0) return { ok: false, waitMs }
      for (const key of keys) {
        const found = current(key)
        if (found) found.count += 1
        else failures.set(key, { count: 1, resetAt: now() + windowMs })
      }
      if (failures.size > 10_000) for (const [key] of failures) current(key)
      return {
        ok: true,
        async end(succeeded) {
          if (succeeded) for (const key of keys) failures.delete(key)
        },
      }
    },
  }
}
