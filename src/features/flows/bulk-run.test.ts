import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/api-error'
import { runBulk, type BulkOutcome } from './bulk-run'

const refused = () => new ApiError(400, 1000, 'err-1', 'Flow is used by a message template', 'upstream')
/** The server's own budget refused: nothing reached 8x8. */
const rateLimited = (retryAfterSeconds?: number) =>
  new ApiError(429, 'RATE_LIMITED', 'err-rl', 'Too many requests', 'proxy', undefined, retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000)
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

  it("waits as long as the server's Retry-After says when its own budget refused (it never reached 8x8), as often as it takes, and finishes", async () => {
    let calls = 0
    const waits: number[] = []
    const seen: string[] = []
    const outcomes = await runBulk(
      ['a'],
      async () => {
        calls += 1
        if (calls <= 5) throw rateLimited(12)
      },
      {
        concurrency: 1,
        signal: new AbortController().signal,
        onChange: (o) => seen.push(o[0].state === 'waiting' ? `waiting ${o[0].waitMs}` : o[0].state),
        sleep: async (ms) => void waits.push(ms),
      },
    )
    expect(states(outcomes)).toEqual(['a:done'])
    expect(waits).toEqual([12_000, 12_000, 12_000, 12_000, 12_000])
    expect(seen).toContain('waiting 12000')
  })

  it("counts 8x8's own 429 as a failure: it reached 8x8, and is not sent again", async () => {
    let calls = 0
    const fromEightByEight = new ApiError(429, 4290, 'err-8x8', 'Too many requests', 'upstream')
    const outcomes = await runBulk(['a'], async () => {
      calls += 1
      throw fromEightByEight
    }, { concurrency: 1, signal: new AbortController().signal, onChange: () => {}, sleep: async () => {} })
    expect(calls).toBe(1)
    expect(outcomes[0]).toMatchObject({ state: 'failed', error: { errorId: 'err-8x8' } })
  })

  it('does not start an item waiting for the budget once stopped', async () => {
    const stop = new AbortController()
    let calls = 0
    const outcomes = await runBulk(['a'], async () => {
      calls += 1
      throw rateLimited(30)
    }, { concurrency: 1, signal: stop.signal, onChange: () => {}, sleep: async () => stop.abort() })
    expect(calls).toBe(1)
    expect(states(outcomes)).toEqual(['a:skipped'])
  })
})
