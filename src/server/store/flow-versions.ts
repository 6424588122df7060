import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { FlowPathParams } from '../upstream/api-types'
import type { Database, FlowVersionTable } from './schema'

export type NewFlowVersion = FlowPathParams & {
  json: string
  source: FlowVersionTable['source']
  validationErrorCount: number
  requestId: string
  takenBy: string | null
  origin?: string
}

export type FlowVersion = {
  versionId: string
  hash: string
  size: number
  source: FlowVersionTable['source']
  takenAt: string
  takenBy: string | null
  validationErrorCount: number
  origin: string | null
}

/** The hash a version is stored under, and the ETag the JSON is served with: SHA-256 of the exact text. */
export function jsonHash(json: string): string {
  return createHash('sha256').update(json, 'utf8').digest('hex')
}

/**
 * The versions of flows' JSON, in the store. A text already kept for the flow is not kept again (the
 * unique index on the flow and the hash decides, so two instances saving at once keep it once).
 */
export type FlowVersions = {
  /** Keeps the version (a text the flow has already: see below); true when a row was written. */
  keep(version: NewFlowVersion): Promise<boolean>
  /** A flow's versions, newest first, without their JSON. */
  list(params: FlowPathParams, limit: number): Promise<FlowVersion[]>
  json(params: FlowPathParams, versionId: string): Promise<string | undefined>
  /** The ID of the flow's version with this text, if it has one. */
  idOf(params: FlowPathParams, json: string): Promise<string | undefined>
  /**
   * Removes versions taken before `before` (ISO time), except each flow's latest: what a flow is now
   * (or was when last seen) is never pruned. Returns how many.
   */
  prune(before: string): Promise<number>
  /** For each flow of the channel saved here: the count of Meta's errors in its latest saved JSON. */
  errorCounts(scope: { accountId: string; channelId: string }): Promise<Map<string, number>>
}

export function createFlowVersions(db: Kysely<Database>): FlowVersions {
  const ofFlow = ({ accountId, channelId, flowId }: FlowPathParams) =>
    db.selectFrom('flow_versions').where('account_id', '=', accountId).where('channel_id', '=', channelId).where('flow_id', '=', flowId)

  return {
    async keep(version) {
      const takenAt = new Date().toISOString()
      const result = await db
        .insertInto('flow_versions')
        .values({
          id: crypto.randomUUID(),
          account_id: version.accountId,
          channel_id: version.channelId,
          flow_id: version.flowId,
          hash: jsonHash(version.json),
          flow_json: version.json,
          size: Buffer.byteLength(version.json, 'utf8'),
          source: version.source,
          validation_error_count: version.validationErrorCount,
          origin: version.origin ?? null,
          request_id: version.requestId,
          taken_by: version.takenBy,
          taken_at: takenAt,
        })
        .onConflict((conflict) => {
          const sameText = conflict.columns(['account_id', 'channel_id', 'flow_id', 'hash'])
          // A text kept already is not kept twice. Saved again (a version brought back), it moves to the
          // top of the history as that save; only seen, or kept before a save, it stays where it was.
          return version.source === 'seen' || version.source === 'before-save' || version.source === 'failed-save'
            ? sameText.doNothing()
            : sameText.doUpdateSet({
                source: version.source,
                taken_at: takenAt,
                taken_by: version.takenBy,
                request_id: version.requestId,
                origin: version.origin ?? null,
                validation_error_count: version.validationErrorCount,
              })
        })
        .executeTakeFirst()
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
    },

    async list(params, limit) {
      const rows = await ofFlow(params)
        .select(['id', 'hash', 'size', 'source', 'taken_at', 'taken_by', 'validation_error_count', 'origin'])
        .orderBy('taken_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((row) => ({
        versionId: row.id,
        hash: row.hash,
        size: Number(row.size),
        source: row.source,
        takenAt: row.taken_at,
        takenBy: row.taken_by,
        validationErrorCount: Number(row.validation_error_count),
        origin: row.origin,
      }))
    },

    async errorCounts({ accountId, channelId }) {
      const rows = await db
        .selectFrom('flow_versions')
        .select(['flow_id', 'validation_error_count'])
        .where('account_id', '=', accountId)
        .where('channel_id', '=', channelId)
        .where('source', 'in', ['saved', 'created', 'cloned', 'restored'])
        .orderBy('taken_at', 'asc')
        .execute()
      // Oldest first: each flow ends with its latest.
      return new Map(rows.map((row) => [row.flow_id, Number(row.validation_error_count)]))
    },

    async prune(before) {
      const result = await db
        .deleteFrom('flow_versions')
        .where('taken_at', '<', before)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('flow_versions as newer')
              .select('newer.id')
              .whereRef('newer.account_id', '=', 'flow_versions.account_id')
              .whereRef('newer.channel_id', '=', 'flow_versions.channel_id')
              .whereRef('newer.flow_id', '=', 'flow_versions.flow_id')
              .whereRef('newer.taken_at', '>', 'flow_versions.taken_at'),
          ),
        )
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },

    async idOf(params, json) {
      const row = await ofFlow(params).select('id').where('hash', '=', jsonHash(json)).executeTakeFirst()
      return row?.id
    },

    async json(params, versionId) {
      const row = await ofFlow(params).select('flow_json').where('id', '=', versionId).executeTakeFirst()
      return row?.flow_json
    },
  }
}
