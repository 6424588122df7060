import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/api-error'
import { runBulk, type BulkOutcome } from './bulk-run'

const refused = () => new ApiError(400, 1000, 'err-1', 'Flow is used by a message template', 'upstream')
const rateLimited = () => new ApiError(429, 'RATE_LIMITED', 'err-rl', 'Too many requests', 'proxy')
const timedOut = () => new ApiError(504, 'UPSTREAM_TIMEOUT', 'err-to', '8x8 did not answer', 'proxy')

/** Work whose calls stay open until the test releases them, counting how many run at once. */
function heldWork() {
  const releases = new Map<string, (error?: ApiError) => void>()
  let running = 0
  let maxRunning = 0
  const work = (item: string) =>
    new Promise<void>((resolve, reject) => {
      running += 1
      maxRunning = Math.max(maxRunning, running)
      releases.set(item, (error) => {
        running -= 1
        if (error) reject(error)
        else resolve()
      })
    })
  const started = () => [...releases.keys()]
  return { work, release: (item: string, error?: ApiError) => releases.get(item)!(error), started, maxRunning: () => maxRunning }
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 1))
  expect(check()).toBe(true)
}

const states = (outcomes: BulkOutcome<string>[]) => outcomes.map((o) => `${o.item}:${o.state}`)

describe('bulk runs', () => {
  it('never runs more than the concurrency at once, and reports every item', async () => {
    const held = heldWork()
    let latest: BulkOutcome<string>[] = []
    const run = runBulk(['a', 'b', 'c', 'd', 'e'], held.work, { concurrency: 2, signal: new AbortController().signal, onChange: (o) => (latest = o) })

    await until(() => held.started().length === 2)
    expect(states(latest)).toEqual(['a:running', 'b:running', 'c:pending', 'd:pending', 'e:pending'])
    held.release('a')
    await until(() => held.started().length === 3)
    held.release('b', refused())
    held.release('c')
    await until(() => held.started().length === 5)
    held.release('d')
    held.release('e', timedOut())

    const outcomes = await run
    expect(held.maxRunning()).toBe(2)
    expect(states(outcomes)).toEqual(['a:done', 'b:failed', 'c:done', 'd:done', 'e:unknown'])
    expect(outcomes[1]).toMatchObject({ error: { code: 1000, errorId: 'err-1' }, at: expect.any(String) })
  })

  it('stops starting new items when stopped, and sees the ones in flight through', async () => {
    const held = heldWork()
    const stop = new AbortController()
    const run = runBulk(['a', 'b', 'c', 'd'], held.work, { concurrency: 2, signal: stop.signal, onChange: () => {} })
    await until(() => held.started().length === 2)
    stop.abort()
    held.release('a')
    held.release('b')

    expect(states(await run)).toEqual(['a:done', 'b:done', 'c:skipped', 'd:skipped'])
    expect(held.started()).toEqual(['a', 'b'])
  })

  it('retries an item the proxy refused with 429 (it never reached 8x8), up to three times', async () => {
    let calls = 0
    const outcomes = await runBulk(
      ['a'],
      async () => {
        calls += 1
        if (calls < 3) throw rateLimited()
      },
      { concurrency: 1, signal: new AbortController().signal, onChange: () => {}, rateLimitWaitMs: 1 },
    )
    expect(calls).toBe(3)
    expect(states(outcomes)).toEqual(['a:done'])

    const alwaysLimited = await runBulk(['b'], () => Promise.reject(rateLimited()), {
      concurrency: 1,
      signal: new AbortController().signal,
      onChange: () => {},
      rateLimitWaitMs: 1,
    })
    expect(alwaysLimited[0]).toMatchObject({ state: 'failed', error: { code: 'RATE_LIMITED' } })
  })
})
