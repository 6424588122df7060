import { sql, type Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { AuditEntry } from '../../shared/audit'
import type { FailedRequest, LookupResult } from '../../shared/lookup'
import type { AuditLog } from '../audit/audit-log'
import { deleteSettledWithinMs } from '../recovery/delete-outcome'
import { watchDatabaseFile } from './database-file'
import { createFlowBackups, type FlowBackups } from './flow-backups'
import { createFlowVersions, type FlowVersions } from './flow-versions'
import { auditRow, fromAuditRow, fromFailureRow } from './audit-rows'
import { engineOf, openMigrated } from './database-connection'
import type { Database } from './schema'

export { describeDatabaseUrl, engineOf, type StoreEngine } from './database-connection'

export type Store = {
  engine: 'sqlite' | 'postgres'
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
  const db = await openMigrated(url, { searchPath, logger })

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
        await db.insertInto('audit_entries').values(auditRow(entry)).execute()
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
      return rows.map(fromAuditRow)
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
      const result = await db.insertInto('audit_entries').values(auditRow(entry, id)).onConflict((conflict) => conflict.column('id').doNothing()).executeTakeFirst()
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
          : (await db.selectFrom('audit_entries').selectAll().where('request_id', 'in', requestIds).orderBy('time').orderBy('phase').execute()).map(fromAuditRow)
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
        yield rows.map(fromAuditRow)
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
