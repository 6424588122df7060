import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@playwright/test'
import { sql } from 'kysely'
import { startAppServer } from '../e2e/app-server'
import { openStore, type Store } from '../src/server/store/open-store'
import type { AppConfig } from '../src/shared/flow'
import { saveSection } from './support/results'

/**
 * `npm run bench` (run `npm run build` first when alone): Recent activity while the audit trail of
 * 100 000 entries is exported through the built server on SQLite, with the (time, id) index the export
 * reads by and without it (as before), in interleaved rounds. Writes bench/results/audit-export.{json,md}.
 * Nothing here passes or fails on a number.
 */
const entries = 100_000
const rounds = 3
const day = '2026-12-01'

async function fill(store: Store, scope: { accountId: string; channelId: string }) {
  const batch = 500
  for (let start = 0; start < entries; start += batch) {
    const rows = Array.from({ length: batch }, (_, k) => {
      const n = start + k
      const time = new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 800).toISOString()
      return {
        id: crypto.randomUUID(),
        time,
        phase: n % 2 === 0 ? ('attempt' as const) : ('outcome' as const),
        request_id: `req-${Math.floor(n / 2)}`,
        operator: 'dana',
        action: 'flow.delete',
        account_id: scope.accountId,
        channel_id: n % 10 === 0 ? scope.channelId : `chan-${n % 7}`,
        flow_id: String(1_600_000_000_000_000 + n),
        flow_name: `Flow ${n}`,
        result: n % 2 === 0 ? null : 'deleted',
        status: n % 2 === 0 ? null : 200,
        code: null,
        code_is_number: null,
        error_id: null,
        duration_ms: 120,
        backup: 'kept',
        backup_id: null,
        reason: null,
        new_flow_id: null,
      }
    })
    await store.db.insertInto('audit_entries').values(rows).execute()
  }
}

/** Exports everything through the server while asking it for Recent activity every 20 ms; the times of both. */
async function exportWithReads(url: (path: string) => string, scope: { accountId: string; channelId: string }) {
  const reads: number[] = []
  // Read by the reader's loop, set when the export has ended.
  const run = { exporting: true }
  const reader = (async () => {
    while (run.exporting) {
      const started = performance.now()
      const answer = await fetch(url(`/api/v1/accounts/${scope.accountId}/channels/${scope.channelId}/audit?limit=20`))
      await answer.arrayBuffer()
      reads.push(performance.now() - started)
      await new Promise((resolveWait) => setTimeout(resolveWait, 20))
    }
  })()
  const started = performance.now()
  const text = await (await fetch(url(`/api/v1/audit/export?from=${day}&to=2026-12-02`))).text()
  const exportMs = performance.now() - started
  run.exporting = false
  await reader
  return { exportMs, exported: text.split('\n').filter(Boolean).length, reads }
}

const pct = (values: number[], q: number) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]
const ms = (value: number) => `${value.toFixed(1)} ms`

test('Recent activity during an export of 100 000 audit entries (SQLite): with the (time, id) index and without', async () => {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'flows-admin-bench-export-')), 'flows-admin.db')}`
  // The sandbox's account and first channel, so that Recent activity has entries to show.
  const probe = await startAppServer({ DATABASE_URL: databaseUrl })
  const config = (await (await fetch(probe.url('/api/config'))).json()) as AppConfig
  await probe.stop()
  const scope = { accountId: config.accountId, channelId: config.channels[0].id }
  const store = await openStore(databaseUrl)
  await fill(store, scope)
  const variants = {
    'with the (time, id) index (now)': () => sql`create index if not exists audit_entries_time_id on audit_entries (time, id)`.execute(store.db),
    'without it (and yielding between pages, as now)': () => sql`drop index if exists audit_entries_time_id`.execute(store.db),
  }
  const measured = new Map(Object.keys(variants).map((name) => [name, { exportMs: [] as number[], reads: [] as number[], readMax: [] as number[] }]))
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? Object.entries(variants) : Object.entries(variants).toReversed()
    for (const [name, prepare] of order) {
      await prepare()
      // The server's migrator would put the index back: it runs with the variant as prepared (migrations already recorded).
      const server = await startAppServer({ DATABASE_URL: databaseUrl }, { logToFile: true })
      const { exportMs, exported, reads } = await exportWithReads(server.url, scope)
      await server.stop()
      if (exported !== entries) throw new Error(`exported ${exported} of ${entries}`)
      const m = measured.get(name)!
      m.exportMs.push(exportMs)
      m.reads.push(...reads)
      m.readMax.push(Math.max(...reads))
    }
  }
  await store.close()

  const rows = [...measured].map(
    ([name, m]) =>
      `| ${name} | ${ms(pct(m.exportMs, 0.5))} (${ms(Math.min(...m.exportMs))} – ${ms(Math.max(...m.exportMs))}) | ${ms(pct(m.reads, 0.5))} | ${ms(pct(m.reads, 0.99))} | ${ms(Math.min(...m.readMax))} – ${ms(Math.max(...m.readMax))} |`,
  )
  const table = [
    `### Recent activity during an export of ${entries.toLocaleString('en')} audit entries, through the server (SQLite, ${rounds} interleaved rounds; aim: Recent activity within 200 ms)`,
    '',
    '| audit_entries | export (median, range) | Recent activity p50 | p99 | slowest per round |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
  saveSection('audit-export', Object.fromEntries(measured), table.split('\n'))
})
