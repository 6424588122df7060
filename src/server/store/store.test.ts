import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../shared/audit'
import type { FailedRequest } from '../../shared/lookup'
import { importAuditFile } from '../audit/import-audit-file'
import { openStore, type Store } from './open-store'
import { testEngines } from './test-databases'

const scope = { accountId: 'acc-1', channelId: 'chan-a' }
const entry = (n: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  time: `2026-12-01T10:00:${String(n).padStart(2, '0')}.000Z`,
  requestId: `req-${n}`,
  operator: 'dana',
  action: 'flow.delete',
  phase: 'outcome',
  ...scope,
  flowId: String(1000 + n),
  flowName: `Flow ${n}`,
  result: 'deleted',
  status: 204,
  durationMs: 12,
  ...overrides,
})
const failure = (errorId: string, overrides: Partial<FailedRequest> = {}): FailedRequest => ({
  errorId,
  requestId: `req-of-${errorId}`,
  time: '2026-12-01T10:00:00.000Z',
  method: 'GET',
  route: '/api/v1/accounts/acc-1/channels/chan-a/flows',
  accountId: 'acc-1',
  channelId: 'chan-a',
  flowId: null,
  status: 504,
  code: 'UPSTREAM_TIMEOUT',
  message: '8x8 did not answer within 10000 ms',
  source: 'proxy',
  cause: 'TimeoutError',
  operator: 'dana',
  ...overrides,
})

describe.each(testEngines)('the store on $name', ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  it('keeps audit entries as they were written, and lists a channel\'s outcomes newest first', async () => {
    ;({ store } = await open())
    await store.audit.append(entry(1, { phase: 'attempt', result: undefined, status: undefined, durationMs: undefined }))
    await store.audit.append(entry(2))
    await store.audit.append(entry(3, { result: 'refused', status: 400, code: 1000, errorId: 'e-3' }))
    await store.audit.append(entry(4, { channelId: 'chan-b' }))
    await store.audit.append(entry(5, { result: 'unknown', status: 504, code: 'UPSTREAM_TIMEOUT', errorId: 'e-5', operator: null }))

    const recent = await store.audit.recent(scope, 10)
    expect(recent.map((e) => e.requestId)).toEqual(['req-5', 'req-3', 'req-2'])
    expect(recent[1]).toEqual(entry(3, { result: 'refused', status: 400, code: 1000, errorId: 'e-3' }))
    expect(recent[0]).toMatchObject({ code: 'UPSTREAM_TIMEOUT', operator: null })
    expect(await store.audit.recent(scope, 1)).toHaveLength(1)
  })

  it('finds an Error ID or a request ID: the failure, and every audit entry of its request', async () => {
    ;({ store } = await open())
    await store.audit.append(entry(7, { phase: 'attempt', result: undefined, status: undefined, durationMs: undefined }))
    await store.audit.append(entry(7, { result: 'unknown', status: 504, code: 'UPSTREAM_TIMEOUT', errorId: 'err-7', time: '2026-12-01T10:00:08.000Z' }))
    await store.recordFailure(failure('err-7', { requestId: 'req-7', method: 'DELETE', flowId: '1007' }))

    for (const id of ['err-7', 'req-7']) {
      const found = await store.lookup(id, 90)
      expect(found).toMatchObject({ id, found: true, retentionDays: 90 })
      expect(found.failures).toEqual([failure('err-7', { requestId: 'req-7', method: 'DELETE', flowId: '1007' })])
      expect(found.audit.map((e) => e.phase)).toEqual(['attempt', 'outcome'])
    }
    expect(await store.lookup('nothing-like-it', 90)).toMatchObject({ found: false, failures: [], audit: [] })
  })

  it("keeps 8x8's numeric codes numbers, and records a failure once", async () => {
    ;({ store } = await open())
    await store.recordFailure(failure('e-8x8', { code: 1300, source: 'upstream', status: 404 }))
    await store.recordFailure(failure('e-8x8', { code: 1300, source: 'upstream', status: 404 }))
    const { failures } = await store.lookup('e-8x8', 90)
    expect(failures).toHaveLength(1)
    expect(failures[0].code).toBe(1300)
  })

  it('prunes failed requests older than the retention time', async () => {
    ;({ store } = await open())
    await store.recordFailure(failure('old', { time: '2026-08-01T00:00:00.000Z' }))
    await store.recordFailure(failure('new', { time: '2026-11-30T00:00:00.000Z' }))
    expect(await store.pruneFailures('2026-09-02T00:00:00.000Z')).toBe(1)
    expect((await store.lookup('old', 90)).found).toBe(false)
    expect((await store.lookup('new', 90)).found).toBe(true)
  })

  it('imports the audit file of earlier versions once, reporting torn lines by number', async () => {
    ;({ store } = await open())
    const path = join(mkdtempSync(join(tmpdir(), 'flows-admin-import-')), 'audit.jsonl')
    writeFileSync(path, `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n{"time":"2026-12-01T10:00:03.0`)
    appendFileSync(path, `\n${JSON.stringify(entry(4))}\n`)

    expect(await importAuditFile(path, store)).toEqual({ path, imported: 3, alreadyThere: 0, skippedLines: [3] })
    expect(await importAuditFile(path, store)).toEqual({ path, imported: 0, alreadyThere: 3, skippedLines: [3] })
    expect((await store.audit.recent(scope, 10)).map((e) => e.requestId)).toEqual(['req-4', 'req-2', 'req-1'])
    expect(await importAuditFile(join(path, '..', 'none.jsonl'), store)).toBeUndefined()
  })

  it('refuses writes once closed, and says it is not answering', async () => {
    ;({ store } = await open())
    const closed = store
    store = undefined
    await closed.close()
    await expect(closed.audit.append(entry(1))).rejects.toThrow(/closed/)
    expect(await closed.ping()).toBe(false)
  })
})

describe('the SQLite file', () => {
  it('keeps what was committed across a reopen, and migrates only once', async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), 'flows-admin-store-')), 'flows-admin.db')}`
    const first = await openStore(url)
    await first.audit.append(entry(1))
    await first.close()
    const again = await openStore(url)
    expect((await again.audit.recent(scope, 10)).map((e) => e.requestId)).toEqual(['req-1'])
    await again.close()
  })

  it('refuses every write once its file is removed, and says it is not answering', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'flows-admin-store-')), 'flows-admin.db')
    const store = await openStore(`file:${path}`)
    await store.audit.append(entry(1))
    rmSync(path)
    await expect(store.audit.append(entry(2))).rejects.toThrow(`the database file ${path} was removed or replaced while the server ran`)
    expect(await store.ping()).toBe(false)
    await store.close()
  })

  it('refuses every write once its file is replaced by another', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'flows-admin-store-')), 'flows-admin.db')
    const store = await openStore(`file:${path}`)
    renameSync(path, `${path}.old`)
    writeFileSync(path, '')
    await expect(store.audit.append(entry(1))).rejects.toThrow(/was removed or replaced/)
    expect(await store.ping()).toBe(false)
    await store.close()
  })

  it('says it is not answering while its disk is full, and answers again once it can write', async () => {
    const store = await openStore(`file:${join(mkdtempSync(join(tmpdir(), 'flows-admin-store-')), 'flows-admin.db')}`)
    const [{ page_count: pages }] = (await sql<{ page_count: number }>`pragma page_count`.execute(store.db)).rows
    // As a full disk: SQLite may not grow the file by one more page.
    await sql.raw(`pragma max_page_count = ${pages}`).execute(store.db)
    await expect(store.audit.append(entry(1, { flowName: 'x'.repeat(20_000) }))).rejects.toThrow(/full/)
    expect(await store.ping()).toBe(false)

    await sql.raw('pragma max_page_count = 1073741823').execute(store.db)
    expect(await store.ping()).toBe(true)
    await store.close()
  })

  it('cannot be opened where its folder cannot be made', async () => {
    await expect(openStore('file:/proc/nope/flows-admin.db')).rejects.toThrow(/cannot create \/proc\/nope: ENOENT/)
  })
})

describe('Postgres shared with other schemas', () => {
  it('migrates its own schema even when another schema of the database has Kysely migration tables', async () => {
    const postgres = testEngines.find((engine) => engine.name === 'Postgres')!
    const other = await postgres.open()
    await other.store.close()
    // The database's default schema, with another schema's migration tables beside it.
    const store = await openStore(other.url)
    await store.audit.append(entry(1))
    expect(await store.audit.recent(scope, 1)).toHaveLength(1)
    await store.close()
  })
})
