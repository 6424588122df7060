import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'pg'
import { test } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { startFake8x8 } from '../e2e/fake-8x8'
import { sandboxSeed, seedWithFlows } from '../src/server/sandbox/seed'
import { openStore } from '../src/server/store/open-store'
import type { AuditEntry } from '../src/shared/audit'
import { openJsonlAuditFile } from './baselines/jsonl-audit-file'
import { saveSection } from './support/results'
import { fine, median, pct } from './support/stats'

/** `npm run bench`: Audit writes on each store (the old JSON Lines file, SQLite, Postgres) and the server's memory. Nothing here passes or fails on a number. */

const results: Record<string, unknown> = {}
const markdown: string[] = []

/** Resident memory of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024
}


const benchEntry = (n: number): AuditEntry => ({
  time: new Date().toISOString(), requestId: `bench-${n}`, operator: 'dana', action: 'flow.delete', phase: 'attempt',
  accountId: sandboxSeed.accountId, channelId: sandboxSeed.channels[0].id, flowId: String(1620387745519000 + (n % 1000)), flowName: 'Old promo',
})

test('audit writes and server memory: the old JSON Lines file, SQLite (libSQL), Postgres', async () => {
  const postgresUrl = process.env.TEST_DATABASE_URL
  if (!postgresUrl) throw new Error('npm run bench starts a throwaway Postgres (TEST_DATABASE_URL)')
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-bench-store-'))
  const schema = `bench_${crypto.randomUUID().replaceAll('-', '')}`
  const admin = new Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const file = await openJsonlAuditFile(join(dir, 'audit.jsonl'))
  const sqlite = await openStore(`file:${join(dir, 'flows-admin.db')}`)
  const postgres = await openStore(postgresUrl, { searchPath: schema })
  const writers: [string, (entry: AuditEntry) => Promise<void>][] = [
    ['JSON Lines file (before the store)', (entry) => file.append(entry)],
    ['SQLite (libSQL, WAL, synchronous=full)', (entry) => sqlite.audit.append(entry)],
    ['Postgres (fsync on, loopback)', (entry) => postgres.audit.append(entry)],
  ]
  // Interleaved: each round runs every writer, in a rotating order, 50 sequential durable writes each.
  const rounds = 10
  const samples = new Map(writers.map(([name]) => [name, [] as number[]]))
  const roundMedians = new Map(writers.map(([name]) => [name, [] as number[]]))
  let n = 0
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < writers.length; k++) {
      const [name, write] = writers[(round + k) % writers.length]
      const times: number[] = []
      for (let i = 0; i < 50; i++) {
        const started = performance.now()
        await write(benchEntry(n++))
        times.push(performance.now() - started)
      }
      samples.get(name)!.push(...times)
      roundMedians.get(name)!.push(median(times))
    }
  }
  await file.close()
  await sqlite.close()
  await postgres.close()

  // The server's memory on each engine, after 100 audited deletes against the fake 8x8.
  const seed = seedWithFlows({ ...sandboxSeed, apiKey: 'bench-key' }, 200)
  const [channel] = seed.channels
  const drafts = channel.flows.filter((flow) => flow.status === 'DRAFT').slice(0, 100)
  const memory: Record<string, number> = {}
  for (const [name, databaseUrl] of [
    ['SQLite (libSQL, WAL, synchronous=full)', `file:${join(dir, 'server.db')}`],
    ['Postgres (fsync on, loopback)', postgresUrl],
  ] as const) {
    const fake = await startFake8x8(seed)
    const app = await startAppServer({
      EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: channel.id,
      EIGHTX8_BASE_URL: fake.baseUrl, EIGHTX8_RATE_LIMIT_PER_MINUTE: '0', DATABASE_URL: databaseUrl,
    })
    for (const flow of drafts) {
      await fetch(app.url(`/api/v1/accounts/${seed.accountId}/channels/${channel.id}/flows/${flow.id}`), { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } })
    }
    memory[name] = rssMb(app.pid)
    await app.stop()
    await fake.stop()
  }

  const baseline = median(samples.get(writers[0][0])!)
  const rows = writers.map(([name]) => {
    const sorted = samples.get(name)!.toSorted((a, b) => a - b)
    const medians = roundMedians.get(name)!
    return `| ${name} | ${fine(pct(sorted, 0.5))} | ${fine(pct(sorted, 0.99))} | ${fine(Math.min(...medians))} – ${fine(Math.max(...medians))} | ${(pct(sorted, 0.5) / baseline).toFixed(2)}× | ${memory[name] === undefined ? '—' : `${memory[name].toFixed(0)} MB`} |`
  })
  results.store = {
    writeMs: Object.fromEntries(writers.map(([name]) => [name, { p50: pct(samples.get(name)!.toSorted((a, b) => a - b), 0.5), p99: pct(samples.get(name)!.toSorted((a, b) => a - b), 0.99), roundMedians: roundMedians.get(name) }])),
    serverRssMb: memory,
  }
  markdown.push(
    `### Audit writes (one durable write each, ${rounds} interleaved rounds of 50) and server memory`,
    '',
    '| where | p50 | p99 | spread of round medians | p50 vs file | server RSS after 100 deletes |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  )
})

test.afterAll(() => saveSection('audit-store', results, markdown))
