import { sql, type Kysely } from 'kysely'
import type { DeletedFlow } from '../../shared/deleted-flows'
import { canonicalAccountId } from '../../shared/ids'
import type { FlowValidationError } from '../../shared/flow'
import type { ChannelScope } from '../../shared/paths'
import type { Database, FlowBackupRow } from './schema'
import { fromStored, toStored } from './stored-text'

const dayMs = 24 * 60 * 60_000

/** What is kept of a flow before its delete. */
export type NewFlowBackup = ChannelScope & {
  flowId: string
  name: string
  categories: string[]
  status: string
  endPointUri: string | null
  validationErrors: FlowValidationError[]
  flowJson: string
  requestId: string
  takenBy: string | null
}

/** A backup with what a restore sends to 8x8, and what an unconfirmed restore knew before it was sent. */
export type StoredFlowBackup = DeletedFlow & { flowJson: string; restorePriorIds: string[] | null }

/** A copy whose delete was never confirmed: its request was cut off (`pending`) or 8x8 did not answer in time. */
export type UnsettledCopy = ChannelScope & {
  backupId: string
  flowId: string
  name: string
  requestId: string
  takenBy: string | null
  takenAt: string
}

/**
 * The copies of deleted flows, in the store (SQLite or Postgres, as the audit trail). A copy is taken
 * before the DELETE is sent (`pending`), then settled by 8x8's answer: kept when 8x8 deleted the flow or
 * did not answer in time (`unconfirmed`), dropped when 8x8 refused (the flow is still there). A copy
 * whose request was cut off (a crash, a database outage) stays `pending` until the settler asks 8x8.
 */
export type FlowBackups = {
  keep(backup: NewFlowBackup): Promise<string>
  /** Settles a copy that is not settled yet; false when it was (by another request or instance) or is gone. */
  settle(id: string, outcome: 'deleted' | 'unconfirmed' | 'not-deleted'): Promise<boolean>
  /**
   * A channel's copies, newest first. A pending copy is shown (as `unconfirmed`) once it is older than
   * `unconfirmedAfterMs`: before that its delete may still be with 8x8.
   */
  list(scope: ChannelScope, limit: number): Promise<DeletedFlow[]>
  /** The copies of one flow (its history shows them), newest first, shown as `list` shows them. */
  ofFlow(params: ChannelScope & { flowId: string }): Promise<DeletedFlow[]>
  /** Any copy, pending ones too (as `unconfirmed`): a restore asks 8x8 first whether the flow is gone. */
  find(scope: ChannelScope, id: string): Promise<StoredFlowBackup | undefined>
  /**
   * Copies not settled yet (pending or unconfirmed) of the channels this server serves, oldest first.
   * The account matches as sameAccountId compares it (dashes and case aside).
   */
  unsettled(limit: number, served: { accountId: string; channelIds: string[] }): Promise<UnsettledCopy[]>
  /**
   * Marks a restore as sent before its create goes to 8x8, with the IDs of the drafts of the same name
   * then in the channel; false when the copy was restored meanwhile. Cleared by `restoreRefused`.
   */
  markRestoreSent(id: string, sent: { at: string; priorIds: string[] }): Promise<boolean>
  /** 8x8 refused the create: nothing was made, so the copy is plainly not restored. */
  restoreRefused(id: string): Promise<void>
  /** Records the restore unless one is recorded already; false when it was. */
  markRestored(id: string, restored: { flowId: string; by: string | null; at: string }): Promise<boolean>
  /** Removes copies taken before `before` (ISO time); returns how many. */
  prune(before: string): Promise<number>
}

function fromRow(row: FlowBackupRow, retentionDays: number): StoredFlowBackup {
  return {
    backupId: row.id,
    flowId: row.flow_id,
    name: row.name,
    categories: JSON.parse(row.categories) as string[],
    status: row.status,
    endPointUri: row.endpoint_uri,
    validationErrorCount: (JSON.parse(row.validation_errors) as unknown[]).length,
    deletedAt: row.taken_at,
    deletedBy: row.taken_by,
    state: row.state === 'deleted' ? 'deleted' : 'unconfirmed',
    restored: row.restored_flow_id === null ? null : { flowId: row.restored_flow_id, by: row.restored_by, at: row.restored_at ?? '' },
    restoreUnconfirmedAt: row.restored_flow_id === null ? row.restore_sent_at : null,
    restorePriorIds: row.restore_prior_ids === null ? null : (JSON.parse(row.restore_prior_ids) as string[]),
    keptUntil: new Date(Date.parse(row.taken_at) + retentionDays * dayMs).toISOString(),
    flowJson: fromStored(row.json_literal),
  }
}

export function createFlowBackups(
  db: Kysely<Database>,
  { retentionDays, unconfirmedAfterMs }: { retentionDays: number; unconfirmedAfterMs: number },
): FlowBackups {
  const channelCopies = ({ accountId, channelId }: ChannelScope) =>
    db.selectFrom('flow_backups').selectAll().where('account_id', '=', accountId).where('channel_id', '=', channelId)

  return {
    async keep(backup) {
      const id = crypto.randomUUID()
      await db
        .insertInto('flow_backups')
        .values({
          id,
          account_id: backup.accountId,
          channel_id: backup.channelId,
          flow_id: backup.flowId,
          name: backup.name,
          categories: JSON.stringify(backup.categories),
          status: backup.status,
          endpoint_uri: backup.endPointUri,
          validation_errors: JSON.stringify(backup.validationErrors),
          json_literal: toStored(backup.flowJson),
          request_id: backup.requestId,
          taken_by: backup.takenBy,
          taken_at: new Date().toISOString(),
          state: 'pending',
        })
        .execute()
      return id
    },
    async settle(id, outcome) {
      const unsettled = ['pending', 'unconfirmed'] as const
      if (outcome === 'not-deleted') {
        const result = await db.deleteFrom('flow_backups').where('id', '=', id).where('state', 'in', unsettled).executeTakeFirst()
        return Number(result.numDeletedRows) > 0
      }
      const result = await db.updateTable('flow_backups').set({ state: outcome }).where('id', '=', id).where('state', 'in', unsettled).executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },
    async list(scope, limit) {
      const shownFrom = new Date(Date.now() - unconfirmedAfterMs).toISOString()
      const rows = await channelCopies(scope)
        .where((eb) => eb.or([eb('state', '!=', 'pending'), eb('taken_at', '<', shownFrom)]))
        .orderBy('taken_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map((row) => {
        const { flowJson: _omitted, restorePriorIds: _internal, ...listed } = fromRow(row, retentionDays)
        return listed
      })
    },
    async ofFlow(params) {
      const shownFrom = new Date(Date.now() - unconfirmedAfterMs).toISOString()
      const rows = await channelCopies(params)
        .where('flow_id', '=', params.flowId)
        .where((eb) => eb.or([eb('state', '!=', 'pending'), eb('taken_at', '<', shownFrom)]))
        .orderBy('taken_at', 'desc')
        .orderBy('id')
        .execute()
      return rows.map((row) => {
        const { flowJson: _omitted, restorePriorIds: _internal, ...listed } = fromRow(row, retentionDays)
        return listed
      })
    },
    async find(scope, id) {
      const row = await channelCopies(scope).where('id', '=', id).executeTakeFirst()
      return row && fromRow(row, retentionDays)
    },
    async unsettled(limit, { accountId, channelIds }) {
      if (channelIds.length === 0) return []
      const rows = await db
        .selectFrom('flow_backups')
        .select(['id', 'account_id', 'channel_id', 'flow_id', 'name', 'request_id', 'taken_by', 'taken_at'])
        .where('state', 'in', ['pending', 'unconfirmed'])
        .where(sql<string>`replace(lower(account_id), '-', '')`, '=', canonicalAccountId(accountId))
        .where('channel_id', 'in', channelIds)
        .orderBy('taken_at')
        .limit(limit)
        .execute()
      return rows.map((row) => ({
        backupId: row.id,
        accountId: row.account_id,
        channelId: row.channel_id,
        flowId: row.flow_id,
        name: row.name,
        requestId: row.request_id,
        takenBy: row.taken_by,
        takenAt: row.taken_at,
      }))
    },
    async markRestoreSent(id, { at, priorIds }) {
      const result = await db
        .updateTable('flow_backups')
        .set({ restore_sent_at: at, restore_prior_ids: JSON.stringify(priorIds) })
        .where('id', '=', id)
        .where('restored_flow_id', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },
    async restoreRefused(id) {
      await db.updateTable('flow_backups').set({ restore_sent_at: null, restore_prior_ids: null }).where('id', '=', id).execute()
    },
    async markRestored(id, restored) {
      const result = await db
        .updateTable('flow_backups')
        .set({ restored_flow_id: restored.flowId, restored_by: restored.by, restored_at: restored.at })
        .where('id', '=', id)
        .where('restored_flow_id', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },
    async prune(before) {
      const result = await db.deleteFrom('flow_backups').where('taken_at', '<', before).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}
