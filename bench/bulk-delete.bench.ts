import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { startFake8x8 } from '../e2e/fake-8x8'
import { sandboxSeed, seedWithFlows } from '../src/server/sandbox/seed'
import { saveSection } from './support/results'
import { median, ms } from './support/stats'

const runs = 7

/** `npm run bench`: A bulk delete of 20 drafts, with a copy kept of each and without. Nothing here passes or fails on a number. */

const results: Record<string, unknown> = {}
const markdown: string[] = []

test('bulk delete of 20 drafts: a copy kept of each (now) vs none (before copies)', async () => {
  // 50 ms per request to the fake 8x8, as a round trip to 8x8 might take; the UI's 3 deletes at a time.
  const latencyMs = 50
  const seed = seedWithFlows({ ...sandboxSeed, apiKey: 'bench-key' }, 1000)
  const [channel] = seed.channels
  const inTemplates = new Set(channel.templates?.flatMap((template) => template.flowIds))
  const drafts = channel.flows.filter((flow) => flow.status === 'DRAFT' && !flow.fault && !inTemplates.has(flow.id))
  const fake = await startFake8x8(seed, { latencyMs })
  const app = await startAppServer({
    EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: channel.id,
    EIGHTX8_BASE_URL: fake.baseUrl, EIGHTX8_RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'flows-admin-bench-bulk-')), 'flows-admin.db')}`,
  })
  const base = app.url(`/api/v1/accounts/${seed.accountId}/channels/${channel.id}/flows`)
  let next = 0
  async function bulkDelete(withCopies: boolean): Promise<number> {
    const batch = drafts.slice(next, next + 20)
    next += 20
    const queue = [...batch]
    const headers: Record<string, string> = { 'x-requested-with': 'XMLHttpRequest', ...(withCopies ? {} : { 'x-backup': 'none' }) }
    const started = performance.now()
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let flow = queue.shift(); flow; flow = queue.shift()) {
          const answer = await fetch(`${base}/${flow.id}`, { method: 'DELETE', headers })
          if (answer.status !== 200) throw new Error(`delete of ${flow.id}: HTTP ${answer.status}`)
        }
      }),
    )
    return performance.now() - started
  }
  const before: number[] = []
  const now: number[] = []
  await bulkDelete(true)
  await bulkDelete(false)
  for (let run = 0; run < runs; run++) {
    // Interleaved, the order alternating from run to run.
    if (run % 2 === 0) {
      now.push(await bulkDelete(true))
      before.push(await bulkDelete(false))
    } else {
      before.push(await bulkDelete(false))
      now.push(await bulkDelete(true))
    }
  }
  await app.stop()
  await fake.stop()
  const ratios = now.map((value, index) => value / before[index])
  results.bulkDelete = { latencyMs, runs, withCopiesMs: now, withoutCopiesMs: before }
  markdown.push(
    `### Bulk delete of 20 drafts, 3 at a time, ${latencyMs} ms per request to the fake 8x8 (${runs} interleaved runs)`,
    '',
    '| | median | min – max |',
    '|---|---|---|',
    `| no copy (before: DELETE only) | ${ms(median(before))} | ${ms(Math.min(...before))} – ${ms(Math.max(...before))} |`,
    `| a copy of each (get-flow, flow JSON, then DELETE) | ${ms(median(now))} | ${ms(Math.min(...now))} – ${ms(Math.max(...now))} |`,
    `| **with copies / without** | **${median(ratios).toFixed(2)}×** | ${Math.min(...ratios).toFixed(2)}× – ${Math.max(...ratios).toFixed(2)}× |`,
    '',
  )
})

test.afterAll(() => saveSection('bulk-delete', results, markdown))
