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
})
