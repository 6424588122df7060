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

/**
 * Whose call it is: a `read` shows something (a list, details, a preview); a `change` is a write to 8x8
 * or a read a change needs (the copy before a delete, the JSON a save compares).
 */
export type CallPriority = 'read' | 'change'

const windowMs = 60_000

/**
 * How many of a minute's calls reads may start: three quarters. The rest is kept for changes, so
 * page loads and refreshes, however many, never leave a delete, save or publish without a turn.
 */
export function readShare(perMinute: number): number {
  return Math.max(1, perMinute - Math.ceil(perMinute / 4))
}

/** The limiter's refusal: the call would have to wait longer than it may. */
export function rateLimited(perMinute: number, waitMs: number, priority: CallPriority = 'change') {
  const seconds = Math.ceil(waitMs / 1000)
  const message =
    priority === 'read'
      ? `Reads may use ${readShare(perMinute)} of the ${perMinute} requests a minute Flows Admin sends to 8x8 (the rest is kept for changes); try again in ${seconds} s`
      : `Flows Admin keeps under 8x8's limit of ${perMinute} requests a minute; try again in ${seconds} s`
  return new ProxyError(429, proxyErrorCodes.rateLimited, message, { headers: { 'retry-after': String(seconds) } })
}

/**
 * When a call may start, given when the calls in the budget's window start (ascending, queued ones in
 * the future): the first moment at which fewer than `limit` of them fall after the minute before it.
 * Counting the queued ones too keeps every 60 s window within the budget, whatever the order of arrival.
 */
export function nextSlot(starts: readonly number[], at: number, limit: number): number {
  return starts.length >= limit ? Math.max(at, starts[starts.length - limit] + windowMs) : at
}

/**
 * A sliding-window log shared by every call to 8x8 from this process: in any 60 s window at most
 * `perMinute` calls start, of which reads at most `readShare(perMinute)`. A call that would go over
 * waits (each reserves its moment) for up to `maxWaitMs`; longer, it is refused at once with 429.
 * A change is never queued behind reads: it counts them, but takes the first moment its own limit allows.
 */
export function createRateLimiter({ perMinute, maxWaitMs, now = Date.now, wait = sleep }: RateLimiterOptions) {
  // When each call in the last minute started, ascending; queued calls hold a moment in the future.
  const starts: number[] = []

  return {
    async take(signal?: AbortSignal, priority: CallPriority = 'change'): Promise<void> {
      const at = now()
      while (starts.length > 0 && starts[0] <= at - windowMs) starts.shift()
      const slot = nextSlot(starts, at, priority === 'read' ? readShare(perMinute) : perMinute)
      const waitMs = slot - at
      if (waitMs > maxWaitMs) throw rateLimited(perMinute, waitMs, priority)
      const index = starts.findLastIndex((start) => start <= slot) + 1
      starts.splice(index, 0, slot)
      if (waitMs === 0) return
      try {
        await wait(waitMs, signal)
      } catch (error) {
        // Given back: later reservations were computed with it, so they stay (safely) conservative.
        const given = starts.lastIndexOf(slot)
        if (given !== -1) starts.splice(given, 1)
        throw error
      }
    },
  }
}

export type RateLimiter = { take(signal?: AbortSignal, priority?: CallPriority): Promise<void> }
