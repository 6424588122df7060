import { dirname } from 'node:path'
import { createClient } from '@libsql/client'
import { LibsqlDialect } from '@libsql/kysely-libsql'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import { Pool } from 'pg'
import type { Logger } from 'pino'
import type { AuditEntry } from '../../shared/audit'
import type { FailedRequest, LookupResult } from '../../shared/lookup'
import type { AuditLog } from '../audit/audit-log'
import { ensureDirectory } from '../fs-paths'
import { deleteSettledWithinMs } from '../recovery/delete-outcome'
import { watchDatabaseFile } from './database-file'
import { createFlowBackups, type FlowBackups } from './flow-backups'
import { createFlowVersions, type FlowVersions } from './flow-versions'
import { migrations } from './migrations'
import type { AuditRow, Database, FailedRequestRow, NewAuditRow } from './schema'

export type StoreEngine = 'sqlite' | 'postgres'

export type Store = {
  engine: StoreEngine
  /** The audit trail: every append is committed (durable) before it resolves. */
  audit: AuditLog
  recordFailure(failure: FailedRequest): Promise<void>
  /** Adds an entry under a given id unless one with that id is there; true when it was added. */
  importAuditEntry(id: string, entry: AuditEntry): Promise<boolean>
  lookup(id: string, retentionDays: number): Promise<LookupResult>
  /** The audit trail from `from` (inclusive) to `to` (exclusive), oldest first, a page at a time. */
  exportAudit(range: { from: string; to: string }, pageSize?: number): AsyncIterable<AuditEntry[]>
  /** Copies of flows taken before their delete, for restoring them. */
  backups: FlowBackups
  /** Versions of flows' JSON: the one before each save, and each saved. */
  versions: FlowVersions
  /** Deletes failed requests older than `before` (ISO time); returns how many. */
  pruneFailures(before: string): Promise<number>
  /** True when the database answers. */
  ping(): Promise<boolean>
  /** For tests and the importer. */
  db: Kysely<Database>
  close(): Promise<void>
}

export function engineOf(url: string): StoreEngine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite'
}

/** A database URL fit for a log line or an error message: never its password. */
export function describeDatabaseUrl(url: string): string {
  if (engineOf(url) === 'sqlite') return url
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.href
  } catch {
    return 'postgres://(unreadable URL)'
  }
}

function dialectFor(url: string, { searchPath, logger }: { searchPath?: string; logger?: Logger }) {
  if (engineOf(url) === 'postgres') {
    const pool = new Pool({ connectionString: url, max: 10, options: searchPath ? `-c search_path=${searchPath}` : undefined })
    // A connection that Postgres ends (a restart, a failover) emits 'error': on the pool while idle, on
    // the client itself while checked out. Unheard, either would end the process. A query running on
    // that connection is rejected anyway, and the pool replaces the connection on the next query.
    const closed = (error: Error) => logger?.warn({ err: error }, 'a database connection was closed by the server; it will be replaced')
    pool.on('error', closed)
    pool.on('connect', (client) => client.on('error', closed))
    return new PostgresDialect({ pool })
  }
  if (url !== ':memory:') {
    const path = url.replace(/^file:/, '')
    ensureDirectory(dirname(path))
  }
  // The dialect package was built against an older client; its driver uses only execute/batch/transaction.
  return new LibsqlDialect({ client: createClient({ url }) as never })
}

function toRow(entry: AuditEntry, id: string = crypto.randomUUID()): NewAuditRow {
  return {
    id,
    time: entry.time,
    phase: entry.phase,
    request_id: entry.requestId,
    operator: entry.operator,
    action: entry.action,
    account_id: entry.accountId,
    channel_id: entry.channelId,
    flow_id: entry.flowId,
    flow_name: entry.flowName ?? null,
    result: entry.result ?? null,
    status: entry.status ?? null,
    code: entry.code === undefined ? null : String(entry.code),
    code_is_number: entry.code === undefined ? null : typeof entry.code === 'number' ? 1 : 0,
    error_id: entry.errorId ?? null,
    duration_ms: entry.durationMs ?? null,
    backup: entry.backup ?? null,
    backup_id: entry.backupId ?? null,
    reason: entry.reason ?? null,
    new_flow_id: entry.newFlowId ?? null,
  }
}

function fromRow(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    time: row.time,
    requestId: row.request_id,
    operator: row.operator,
    action: row.action as AuditEntry['action'],
    phase: row.phase,
    accountId: row.account_id,
    channelId: row.channel_id,
    flowId: row.flow_id,
  }
  if (row.flow_name !== null) entry.flowName = row.flow_name
  if (row.result !== null) entry.result = row.result as AuditEntry['result']
  if (row.status !== null) entry.status = Number(row.status)
  if (row.code !== null) entry.code = Number(row.code_is_number) === 1 ? Number(row.code) : row.code
  if (row.error_id !== null) entry.errorId = row.error_id
  if (row.duration_ms !== null) entry.durationMs = Number(row.duration_ms)
  if (row.backup !== null) entry.backup = row.backup as NonNullable<AuditEntry['backup']>
  if (row.backup_id !== null) entry.backupId = row.backup_id
  if (row.reason !== null) entry.reason = row.reason
  if (row.new_flow_id !== null) entry.newFlowId = row.new_flow_id
  return entry
}

function fromFailureRow(row: FailedRequestRow): FailedRequest {
  return {
    errorId: row.error_id,
    requestId: row.request_id,
    time: row.time,
    method: row.method,
    route: row.route,
    accountId: row.account_id,
    channelId: row.channel_id,
    flowId: row.flow_id,
    status: Number(row.status),
    code: row.source === 'upstream' && /^\d+$/.test(row.code) ? Number(row.code) : row.code,
    message: row.message,
    source: row.source,
    cause: row.cause,
    operator: row.operator,
  }
}

/**
 * Opens the server's store at `url`: SQLite through libSQL (`file:…`, or `:memory:`) or Postgres
 * (`postgres://…`), one query layer (Kysely) for both, and brings the schema up to date with Kysely's
 * migrator before anything else runs. Throws with the reason when the database cannot be reached or
 * migrated; the caller stops before listening.
 */
export async function openStore(
  url: string,
  {
    logger,
    searchPath,
    retentionDays: keepDays = 90,
    unconfirmedAfterMs = deleteSettledWithinMs(10_000),
  }: { logger?: Logger; searchPath?: string; retentionDays?: number; unconfirmedAfterMs?: number } = {},
): Promise<Store> {
  const engine = engineOf(url)
  const db = new Kysely<Database>({ dialect: dialectFor(url, { searchPath, logger }) })
  try {
    if (engine === 'sqlite' && url !== ':memory:') {
      // WAL, and a commit is on disk (fsynced) before it returns: an attempt survives a crash.
      await sql`pragma journal_mode = wal`.execute(db)
      await sql`pragma synchronous = full`.execute(db)
      await sql`pragma busy_timeout = 5000`.execute(db)
    }
    // On Postgres the migrator is told its schema (the connection's own): left to itself, it finds
    // another schema's migration tables in the same database (another app, another test) and fails.
    const migrationTableSchema =
      engine === 'postgres' ? (searchPath ?? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0].schema) : undefined
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema })
    const { error, results } = await migrator.migrateToLatest()
    if (error) throw error
    for (const result of results ?? []) logger?.info({ migration: result.migrationName, status: result.status }, 'database migration')
  } catch (error) {
    await db.destroy().catch(() => undefined)
    throw error
  }

  let closed = false
  // Every change writes its audit attempt first: refused there, nothing reaches 8x8.
  const file = engine === 'sqlite' && url !== ':memory:' ? watchDatabaseFile(url.replace(/^file:/, ''), logger) : { check() {} }
  // Set when an audit write fails (a full disk, a read-only file…): every change is refused meanwhile, so
  // ping says so until a write goes through again.
  let writesFailing = false
  const auditTrail: AuditLog = {
    async append(entry) {
      if (closed) throw new Error('the store is closed')
      file.check()
      try {
        await db.insertInto('audit_entries').values(toRow(entry)).execute()
        writesFailing = false
      } catch (error) {
        writesFailing = true
        throw error
      }
      // Every audit entry is also a JSON line in the server log, for log shippers.
      logger?.info({ audit: entry }, 'audit')
    },
    async recent({ accountId, channelId }, limit) {
      const rows = await db
        .selectFrom('audit_entries')
        .selectAll()
        .where('phase', '=', 'outcome')
        .where('account_id', '=', accountId)
        .where('channel_id', '=', channelId)
        .orderBy('time', 'desc')
        .limit(limit)
        .execute()
      return rows.map(fromRow)
    },
    async close() {
      closed = true
    },
  }

  return {
    engine,
    audit: auditTrail,
    backups: createFlowBackups(db, { retentionDays: keepDays, unconfirmedAfterMs }),
    versions: createFlowVersions(db),
    db,
    async importAuditEntry(id, entry) {
      const result = await db.insertInto('audit_entries').values(toRow(entry, id)).onConflict((conflict) => conflict.column('id').doNothing()).executeTakeFirst()
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
    },
    async recordFailure(failure) {
      await db
        .insertInto('failed_requests')
        .values({
          error_id: failure.errorId,
          request_id: failure.requestId,
          time: failure.time,
          method: failure.method,
          route: failure.route,
          account_id: failure.accountId,
          channel_id: failure.channelId,
          flow_id: failure.flowId,
          status: failure.status,
          code: String(failure.code),
          message: failure.message,
          source: failure.source,
          cause: failure.cause,
          operator: failure.operator,
        })
        .onConflict((conflict) => conflict.column('error_id').doNothing())
        .execute()
    },
    async lookup(id, retentionDays) {
      // A UUID as this server writes it (lower case) or as 8x8 might (upper case): either matches.
      const ids = [...new Set([id, id.toLowerCase(), id.toUpperCase()])]
      const failures = (
        await db.selectFrom('failed_requests').selectAll().where((eb) => eb.or([eb('error_id', 'in', ids), eb('request_id', 'in', ids)])).orderBy('time').execute()
      ).map(fromFailureRow)
      const matching = await db
        .selectFrom('audit_entries')
        .select('request_id')
        .where((eb) => eb.or([eb('error_id', 'in', ids), eb('request_id', 'in', ids)]))
        .execute()
      const requestIds = [...new Set([...matching.map((row) => row.request_id), ...failures.map((failure) => failure.requestId)])]
      const audit =
        requestIds.length === 0
          ? []
          : (await db.selectFrom('audit_entries').selectAll().where('request_id', 'in', requestIds).orderBy('time').orderBy('phase').execute()).map(fromRow)
      return { id, found: failures.length > 0 || audit.length > 0, retentionDays, failures, audit }
    },
    async *exportAudit({ from, to }, pageSize = 1000) {
      // Keyset pages on (time, id): a large range is never held in memory at once.
      let after: { time: string; id: string } | undefined
      for (;;) {
        let query = db.selectFrom('audit_entries').selectAll().where('time', '>=', from).where('time', '<', to)
        if (after) {
          const { time, id } = after
          query = query.where((eb) => eb.or([eb('time', '>', time), eb.and([eb('time', '=', time), eb('id', '>', id)])]))
        }
        const rows = await query.orderBy('time').orderBy('id').limit(pageSize).execute()
        if (rows.length === 0) return
        yield rows.map(fromRow)
        const last = rows.at(-1)!
        after = { time: last.time, id: last.id }
        if (rows.length < pageSize) return
        // libSQL answers a local file's query within the same turn: without this, an export read page after
        // page on promises alone and no other request was let in until it ended (Recent activity waited 2–12 s).
        await new Promise((resolveTurn) => setImmediate(resolveTurn))
      }
    },
    async pruneFailures(before) {
      const result = await db.deleteFrom('failed_requests').where('time', '<', before).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
    async ping() {
      try {
        file.check()
        await sql`select 1`.execute(db)
        if (writesFailing) {
          // A write as large as an audit entry can be (a page of its own): taken back at once.
          const id = `health-probe-${crypto.randomUUID()}-${'x'.repeat(8000)}`
          await db.insertInto('upstream_calls').values({ id, at: 0 }).execute()
          await db.deleteFrom('upstream_calls').where('id', '=', id).execute()
          writesFailing = false
        }
        return true
      } catch {
        return false
      }
    },
    async close() {
      closed = true
      await db.destroy()
    },
  }
}
