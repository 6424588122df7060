import { proxyErrorCodes } from '../../shared/error-codes'
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

const windowMs = 60_000

/** The limiter's refusal: the call would have to wait longer than it may. */
export function rateLimited(perMinute: number, waitMs: number) {
  const seconds = Math.ceil(waitMs / 1000)
  return new ProxyError(429, proxyErrorCodes.rateLimited, `Flows Admin keeps under 8x8's limit of ${perMinute} requests a minute; try again in ${seconds} s`, {
    headers: { 'retry-after': String(seconds) },
  })
}

/**
 * A sliding-window log shared by every call to 8x8 from this process: in any 60 s window at most
 * `perMinute` calls start. A call that would go over waits (in order: each reserves the next free
 * moment) for up to `maxWaitMs`; longer, it is refused at once with 429.
 */
export function createRateLimiter({ perMinute, maxWaitMs, now = Date.now, wait = sleep }: RateLimiterOptions) {
  // When each call in the last minute started, ascending; queued calls hold a moment in the future.
  const starts: number[] = []

  return {
    async take(signal?: AbortSignal): Promise<void> {
      const at = now()
      while (starts.length > 0 && starts[0] <= at - windowMs) starts.shift()
      let slot = Math.max(at, starts.at(-1) ?? at)
      // The call perMinute places back must be a whole window older than this one.
      if (starts.length >= perMinute) slot = Math.max(slot, starts[starts.length - perMinute] + windowMs)
      const waitMs = slot - at
      if (waitMs > maxWaitMs) throw rateLimited(perMinute, waitMs)
      starts.push(slot)
      if (waitMs === 0) return
      try {
        await wait(waitMs, signal)
      } catch (error) {
        // Given back: later reservations were computed with it, so they stay (safely) conservative.
        const index = starts.lastIndexOf(slot)
        if (index !== -1) starts.splice(index, 1)
        throw error
      }
    },
  }
}

export type RateLimiter = { take(signal?: AbortSignal): Promise<void> }
