import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'pg'
import type { Seed } from '../src/server/sandbox/seed'
import type { DeletedFlowList } from '../src/shared/deleted-flows'
import { startAppServer, type AppServer } from './app-server'
import { expect, test } from './fixtures'
import { liveSeed, startFake8x8, type Fake8x8 } from './fake-8x8'

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

/** Flows Admin in live mode against `fake`, on a fresh database of `engine` (the same env starts it again). */
async function crashSetup(engine: 'SQLite' | 'Postgres', extraEnv: Record<string, string> = {}) {
  const databaseUrl = engine === 'SQLite' ? `file:${join(mkdtempSync(join(tmpdir(), 'flows-admin-crash-')), 'flows-admin.db')}` : await freshPostgresDatabase()
  const fake = await startFake8x8(seed, { latencyMs: 150 })
  const env = {
    EIGHTX8_API_KEY: liveSeed.apiKey,
    EIGHTX8_ACCOUNT_ID: liveSeed.accountId,
    EIGHTX8_CHANNELS: `${channel.id}=Live Retail`,
    EIGHTX8_BASE_URL: fake.baseUrl,
    EIGHTX8_RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_URL: databaseUrl,
    ...extraEnv,
  }
  return { fake, env }
}

/** 60 concurrent deletes, and kill -9 once at least 15 of them reached 8x8. Resolves with the flows whose DELETE reached 8x8. */
async function killMidBurst(first: AppServer, fake: Fake8x8) {
  const burst = drafts.slice(0, 60).map((flow) =>
    fetch(first.url(`${base}/flows/${flow.id}`), { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } }).catch(() => undefined),
  )
  await expect.poll(() => fake.requests.filter((r) => r.method === 'DELETE').length, { timeout: 20_000, intervals: [5] }).toBeGreaterThanOrEqual(15)
  await first.kill()
  await Promise.all(burst)
  return new Set(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').at(-1)))
}

for (const engine of ['SQLite', 'Postgres'] as const) {
  test(`${engine}: kill -9 in the middle of 60 concurrent deletes loses no attempt, and the server starts again`, async () => {
    test.setTimeout(60_000)
    const { fake, env } = await crashSetup(engine)
    const reached = await killMidBurst(await startAppServer(env), fake)
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

  test(`${engine}: after kill -9 in the middle of 60 deletes, every flow 8x8 deleted is in Deleted flows after the restart, and restorable once`, async () => {
    // The restarted server settles the copies once their deletes are surely over (8x8's timeout + 15 s).
    test.setTimeout(120_000)
    const { fake, env } = await crashSetup(engine, { EIGHTX8_TIMEOUT_MS: '1000' })
    await killMidBurst(await startAppServer(env), fake)

    const second = await startAppServer(env)
    try {
      const listed = async () => (await (await fetch(second.url(`${base}/flows?limit=100`))).json()) as { flows: { id: string }[] }
      const stillAt8x8 = new Set((await listed()).flows.map((flow) => flow.id))
      const deletedAt8x8 = drafts.slice(0, 60).map((flow) => flow.id).filter((id) => !stillAt8x8.has(id))
      expect(deletedAt8x8.length).toBeGreaterThanOrEqual(1)
      const copies = async () =>
        ((await (await fetch(second.url(`${base}/deleted-flows`))).json()) as DeletedFlowList).deletedFlows.filter((copy) => copy.state === 'deleted')
      await expect.poll(async () => (await copies()).map((copy) => copy.flowId).toSorted(), { timeout: 60_000, intervals: [500] }).toEqual(deletedAt8x8.toSorted())

      for (const copy of await copies()) {
        const restore = await fetch(second.url(`${base}/deleted-flows/${copy.backupId}/restore`), { method: 'POST', headers: { 'x-requested-with': 'XMLHttpRequest' } })
        expect(restore.status, `restore of ${copy.flowId}`).toBe(200)
      }
      expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/flows'))).toHaveLength(deletedAt8x8.length)
    } finally {
      await second.stop()
      await fake.stop()
    }
  })
}
