import { describe, expect, it } from 'vitest'
import { backoffDelay, createRateLimiter, parseRetryAfter, readShare } from './resilience'
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

  it('lets perMinute through at once, then queues a request only until the oldest call is a minute old', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 60, maxWaitMs: 5000, now: clock.now, wait: clock.wait })
    for (let i = 0; i < 60; i++) {
      await limiter.take()
      clock.advance(1000)
    }
    expect(clock.waits).toEqual([])
    // t = 60 s: the call made at 0 s has just left the window; the next one waits for the call at 1 s.
    await limiter.take()
    await limiter.take()
    expect(clock.waits).toEqual([1000])
  })

  it('fails fast with a 429 and Retry-After when the wait would be too long, without using up a call', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 2, maxWaitMs: 1500, now: clock.now, wait: clock.wait })
    await limiter.take()
    clock.advance(59_000)
    await limiter.take()
    await limiter.take() // waits 1000 ms, until the first call is a minute old
    const refused = await limiter.take().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ProxyError)
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', headers: { 'retry-after': '60' } })
    expect(clock.waits).toEqual([1000])
  })

  it('never lets more than perMinute calls start in any sliding 60 s window (burst of 150, then 4 a second)', async () => {
    const clock = fakeClock()
    const perMinute = 100
    const limiter = createRateLimiter({ perMinute, maxWaitMs: 5000, now: clock.now, wait: clock.wait })
    const started: number[] = []
    const attempt = async () => {
      const before = clock.waits.length
      try {
        await limiter.take()
        started.push(clock.now() + (clock.waits.length > before ? clock.waits.at(-1)! : 0))
      } catch {
        // refused with 429: it never reaches 8x8
      }
    }
    for (let i = 0; i < 150; i++) await attempt()
    for (let t = 250; t <= 180_000; t += 250) {
      clock.advance(250)
      await attempt()
    }
    started.sort((a, b) => a - b)
    let worst = 0
    for (let i = 0; i < started.length; i++) {
      const inWindow = started.filter((at) => at >= started[i] && at < started[i] + 60_000).length
      worst = Math.max(worst, inWindow)
    }
    expect(worst).toBe(perMinute)
    // Not starved either: the budget is used again once a minute has passed.
    expect(started.length).toBeGreaterThanOrEqual(290)
  })

  it("gives a queued call's place back when its caller gives up", async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({
      perMinute: 1,
      maxWaitMs: 60_000,
      now: clock.now,
      wait: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    })
    await limiter.take()
    const controller = new AbortController()
    const queued = limiter.take(controller.signal)
    controller.abort(new Error('caller went away'))
    await expect(queued).rejects.toThrow('caller went away')
    clock.advance(60_000)
    await expect(limiter.take()).resolves.toBeUndefined()
  })

  it('lets reads take three quarters of a minute, and keeps the rest for changes', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 100, maxWaitMs: 0, now: clock.now, wait: clock.wait })
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => limiter.take(undefined, 'read').then(() => 'started', (error: unknown) => error)))
    const reads = outcomes.filter((outcome) => outcome === 'started').length
    expect(reads).toBe(readShare(100))
    expect(reads).toBe(75)
    expect(outcomes.at(-1)).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: expect.stringContaining('kept for changes') })
    // Every change of the minute's remaining 25 goes at once; the 26th would exceed 8x8's limit.
    for (let i = 0; i < 25; i++) await limiter.take(undefined, 'change')
    await expect(limiter.take(undefined, 'change')).rejects.toMatchObject({ status: 429 })
    expect(clock.waits).toEqual([])
  })

  it('never queues a change behind reads waiting for their turn', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({ perMinute: 8, maxWaitMs: 5000, now: clock.now, wait: clock.wait })
    for (let i = 0; i < 6; i++) {
      await limiter.take(undefined, 'read')
      clock.advance(1000)
    }
    // t = 59 s: the next read waits until the first is a minute old.
    clock.advance(53_000)
    await limiter.take(undefined, 'read')
    expect(clock.waits).toEqual([1000])
    // A change now takes a moment of its own, at once.
    await limiter.take(undefined, 'change')
    expect(clock.waits).toEqual([1000])
  })

  it('keeps every sliding window within the budget when reads and changes mix (random arrivals)', async () => {
    const clock = fakeClock()
    const perMinute = 20
    const limiter = createRateLimiter({ perMinute, maxWaitMs: 5000, now: clock.now, wait: clock.wait })
    const started: { at: number; priority: 'read' | 'change' }[] = []
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 2000; i++) {
      clock.advance(Math.floor(random() * 400))
      const priority = random() < 0.7 ? 'read' : 'change'
      const before = clock.waits.length
      try {
        await limiter.take(undefined, priority)
        started.push({ at: clock.now() + (clock.waits.length > before ? clock.waits.at(-1)! : 0), priority })
      } catch {
        // refused: never reaches 8x8
      }
    }
    const within = (from: number, which?: 'read') => started.filter((call) => call.at >= from && call.at < from + 60_000 && (which === undefined || call.priority === which)).length
    expect(Math.max(...started.map((call) => within(call.at)))).toBeLessThanOrEqual(perMinute)
    expect(Math.max(...started.map((call) => within(call.at, 'read')))).toBeLessThanOrEqual(readShare(perMinute))
    expect(started.filter((call) => call.priority === 'change').length).toBeGreaterThan(0)
  })
})
