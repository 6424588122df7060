import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'pg'
import type { Seed } from '../src/server/sandbox/seed'
import { startAppServer } from './app-server'
import { expect, test } from './fixtures'
import { liveSeed, startFake8x8 } from './fake-8x8'

const [channel] = liveSeed.channels
const drafts = Array.from({ length: 61 }, (_, i) => ({ id: String(1555000000001000 + i), name: `Burst ${i}`, status: 'DRAFT' as const, categories: ['OTHER' as const] }))
const seed: Seed = { ...liveSeed, channels: [{ ...channel, flows: drafts }] }
const base = `/api/v1/accounts/${liveSeed.accountId}/channels/${channel.id}`

async function freshPostgresDatabase() {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('the crash test on Postgres needs TEST_DATABASE_URL (npm test starts a throwaway Postgres)')
  const name = `crash_${crypto.randomUUID().replaceAll('-', '')}`
  const client = new Client({ connectionString: url })
  await client.connect()
  await client.query(`create database ${name}`)
  await client.end()
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.href
}

for (const engine of ['SQLite', 'Postgres'] as const) {
  test(`${engine}: kill -9 in the middle of 60 concurrent deletes loses no attempt, and the server starts again`, async () => {
    test.setTimeout(60_000)
    const databaseUrl = engine === 'SQLite' ? `file:${join(mkdtempSync(join(tmpdir(), 'flows-admin-crash-')), 'flows-admin.db')}` : await freshPostgresDatabase()
    const fake = await startFake8x8(seed, { latencyMs: 150 })
    const env = {
      EIGHTX8_API_KEY: liveSeed.apiKey,
      EIGHTX8_ACCOUNT_ID: liveSeed.accountId,
      EIGHTX8_CHANNELS: `${channel.id}=Live Retail`,
      EIGHTX8_BASE_URL: fake.baseUrl,
      EIGHTX8_RATE_LIMIT_PER_MINUTE: '0',
      DATABASE_URL: databaseUrl,
    }
    const first = await startAppServer(env)
    const burst = drafts.slice(0, 60).map((flow) =>
      fetch(first.url(`${base}/flows/${flow.id}`), { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } }).catch(() => undefined),
    )
    await expect.poll(() => fake.requests.filter((r) => r.method === 'DELETE').length, { timeout: 20_000, intervals: [5] }).toBeGreaterThanOrEqual(15)
    await first.kill()
    await Promise.all(burst)
    const reached = new Set(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').at(-1)))
    expect(reached.size).toBeGreaterThanOrEqual(15)
    test.info().annotations.push({ type: 'deletes at 8x8 when killed', description: String(reached.size) })

    const second = await startAppServer(env)
    try {
      const day = new Date().toISOString().slice(0, 10)
      const exported = await (await fetch(second.url(`/api/v1/audit/export?from=${day}&to=${day}`))).text()
      const attempted = new Set(exported.trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line)).filter((e) => e.phase === 'attempt').map((e) => e.flowId))
      const missing = [...reached].filter((flowId) => !attempted.has(flowId))
      expect(missing).toEqual([])

      // And it appends after the crash.
      const last = drafts[60]
      const answer = await fetch(second.url(`${base}/flows/${last.id}`), { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } })
      expect(answer.status).toBe(200)
      const after = await (await fetch(second.url(`/api/v1/audit/export?from=${day}&to=${day}`))).text()
      expect(after).toContain(`"flowId":"${last.id}"`)
    } finally {
      await second.stop()
      await fake.stop()
    }
  })
}

