import { proxyErrorCodes } from '../../shared/error-body'
import { ProxyError } from './errors'

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Capped exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^(attempt-1))). */
export function backoffDelay(attempt: number, { baseMs, capMs }: { baseMs: number; capMs: number }, random = Math.random) {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)))
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export type RateLimiterOptions = {
  /** Requests allowed per minute (8x8: about 100 per API key for flow configuration). */
  perMinute: number
  /** A request waits at most this long for its turn; longer, it fails fast with 429. */
  maxWaitMs: number
  now?: () => number
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/**
 * A token bucket shared by every call to 8x8 from this process: bursts up to `perMinute` go at once,
 * then requests queue in order (each reserves the next token) for up to `maxWaitMs`.
 */
export function createRateLimiter({ perMinute, maxWaitMs, now = Date.now, wait = sleep }: RateLimiterOptions) {
  const intervalMs = 60_000 / perMinute
  let tokens = perMinute
  let updatedAt = now()

  return {
    async take(signal?: AbortSignal): Promise<void> {
      const at = now()
      tokens = Math.min(perMinute, tokens + (at - updatedAt) / intervalMs)
      updatedAt = at
      tokens -= 1
      if (tokens >= 0) return
      const waitMs = Math.ceil(-tokens * intervalMs)
      if (waitMs > maxWaitMs) {
        tokens += 1
        throw new ProxyError(
          429,
          proxyErrorCodes.rateLimited,
          `Flows Admin keeps under 8x8's limit of ${perMinute} requests a minute; try again in ${Math.ceil(waitMs / 1000)} s`,
          { headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) } },
        )
      }
      try {
        await wait(waitMs, signal)
      } catch (error) {
        tokens += 1
        throw error
      }
    },
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>
