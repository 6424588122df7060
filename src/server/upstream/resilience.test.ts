import { describe, expect, it } from 'vitest'
import { backoffDelay, createRateLimiter, parseRetryAfter } from './resilience'
import { ProxyError } from './errors'

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const options = { baseMs: 100, capMs: 1000 }
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 0.999))).toEqual([99, 199, 399, 799, 999])
    expect(backoffDelay(3, options, () => 0)).toBe(0)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores anything else', () => {
    const now = Date.parse('2026-11-25T10:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})

describe('createRateLimiter', () => {
  function fakeClock() {
    let now = 0
    const waits: number[] = []
    return {
      now: () => now,
      advance: (ms: number) => (now += ms),
      waits,
      wait: async (ms: number) => {
        waits.push(ms)
      },
    }
  }

  it('lets a burst of perMinute through at once, then queues each request one interval later', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 60, maxWaitMs: 5000, now: clock.now, wait: clock.wait })
    for (let i = 0; i < 60; i++) await limiter.take()
    expect(clock.waits).toEqual([])
    await limiter.take()
    await limiter.take()
    expect(clock.waits).toEqual([1000, 2000])
  })

  it('fails fast with a 429 and Retry-After when the wait would be too long, without losing the token', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 60, maxWaitMs: 1500, now: clock.now, wait: clock.wait })
    for (let i = 0; i < 60; i++) await limiter.take()
    await limiter.take() // waits 1000
    const refused = await limiter.take().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ProxyError)
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', headers: { 'retry-after': '2' } })

    clock.advance(2000)
    await limiter.take()
    expect(clock.waits).toEqual([1000])
  })

  it('refills with time', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 2, maxWaitMs: 0, now: clock.now, wait: clock.wait })
    await limiter.take()
    await limiter.take()
    await expect(limiter.take()).rejects.toMatchObject({ status: 429 })
    clock.advance(30_000)
    await expect(limiter.take()).resolves.toBeUndefined()
  })
})
