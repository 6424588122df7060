import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { FlowPathParams } from '../upstream/api-types'
import type { Database, FlowVersionTable } from './schema'
import { fromStored, toStored } from './stored-text'

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

/** Sources that record a read, not an act: written only for a text the flow's history does not have yet. */
const onlyWhenNew = new Set<FlowVersionTable['source']>(['seen', 'before-save'])

/**
 * The versions of flows' JSON, in the store: every event of a flow's history its own row (a save, a
 * clone, a restore, however often a text comes back), each distinct text kept once per flow.
 */
export type FlowVersions = {
  /**
   * Keeps the version: its text (once per flow) and its event. A text only read or kept before a save
   * (`seen`, `before-save`) is an event only the first time the flow has it. The event's ID, or
   * undefined when none was written.
   */
  keep(version: NewFlowVersion): Promise<string | undefined>
  /**
   * A flow's versions, newest first (by time, then as the database orders IDs), without their JSON:
   * `limit` of them; with `before`, only those after it in that order: taken before `before.takenAt`,
   * or then with an ID before `before.versionId` when one is given.
   */
  list(params: FlowPathParams, limit: number, before?: { takenAt: string; versionId?: string }): Promise<FlowVersion[]>
  /** How many versions the flow has. */
  count(params: FlowPathParams): Promise<number>
  json(params: FlowPathParams, versionId: string): Promise<string | undefined>
  /**
   * Removes versions taken before `before` (ISO time), except each flow's latest: what a flow is now
   * (or was when last seen) is never pruned. The texts no version names any more go with them. Returns how many versions.
   */
  prune(before: string): Promise<number>
  /** For each flow of the channel saved here: the count of Meta's errors in its latest saved JSON. */
  errorCounts(scope: { accountId: string; channelId: string }): Promise<Map<string, number>>
  /**
   * 8x8 has `json` now: the saves of it that 8x8 did not confirm are saves after all (`saved`, with
   * Meta's `validationErrorCount` as now). Returns them (who sent each, in which request), oldest first.
   */
  confirm(params: FlowPathParams, json: string, validationErrorCount: number): Promise<{ requestId: string; takenBy: string | null; takenAt: string }[]>
}

export function createFlowVersions(db: Kysely<Database>): FlowVersions {
  const ofFlow = ({ accountId, channelId, flowId }: FlowPathParams) =>
    db.selectFrom('flow_versions').where('account_id', '=', accountId).where('channel_id', '=', channelId).where('flow_id', '=', flowId)

  return {
    async keep(version) {
      const hash = jsonHash(version.json)
      const key = { account_id: version.accountId, channel_id: version.channelId, flow_id: version.flowId, hash }
      // No transaction: the text goes in once whoever writes it first, and two first reads of a text at
      // the same moment (two instances) at worst record it as seen twice.
      await db
        .insertInto('flow_texts')
        .values({ ...key, json_literal: toStored(version.json) })
        .onConflict((conflict) => conflict.columns(['account_id', 'channel_id', 'flow_id', 'hash']).doNothing())
        .execute()
      if (onlyWhenNew.has(version.source)) {
        const had = await ofFlow(version).select('id').where('hash', '=', hash).limit(1).executeTakeFirst()
        if (had) return undefined
      }
      const id = crypto.randomUUID()
      await db
        .insertInto('flow_versions')
        .values({
          id,
          ...key,
          size: Buffer.byteLength(version.json, 'utf8'),
          source: version.source,
          validation_error_count: version.validationErrorCount,
          origin: version.origin ?? null,
          request_id: version.requestId,
          taken_by: version.takenBy,
          taken_at: new Date().toISOString(),
        })
        .execute()
      return id
    },

    async list(params, limit, before) {
      let query = ofFlow(params).select(['id', 'hash', 'size', 'source', 'taken_at', 'taken_by', 'validation_error_count', 'origin'])
      if (before !== undefined) {
        const { takenAt, versionId } = before
        query = query.where((eb) => (versionId === undefined ? eb('taken_at', '<', takenAt) : eb.or([eb('taken_at', '<', takenAt), eb.and([eb('taken_at', '=', takenAt), eb('id', '<', versionId)])])))
      }
      const rows = await query.orderBy('taken_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
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

    async confirm(params, json, validationErrorCount) {
      const hash = jsonHash(json)
      const unconfirmed = await ofFlow(params).select(['id', 'request_id', 'taken_by', 'taken_at']).where('hash', '=', hash).where('source', '=', 'unconfirmed-save').orderBy('taken_at').execute()
      const confirmed: { requestId: string; takenBy: string | null; takenAt: string }[] = []
      // Each row is confirmed by whoever changes it first (two instances reading at once tell it once).
      for (const row of unconfirmed) {
        const result = await db
          .updateTable('flow_versions')
          .set({ source: 'saved', validation_error_count: validationErrorCount })
          .where('id', '=', row.id)
          .where('source', '=', 'unconfirmed-save')
          .executeTakeFirst()
        if (Number(result.numUpdatedRows) === 1) confirmed.push({ requestId: row.request_id, takenBy: row.taken_by, takenAt: row.taken_at })
      }
      return confirmed
    },

    async count(params) {
      const row = await ofFlow(params).select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow()
      return Number(row.count)
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
      await db
        .deleteFrom('flow_texts')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('flow_versions as named')
                .select('named.id')
                .whereRef('named.account_id', '=', 'flow_texts.account_id')
                .whereRef('named.channel_id', '=', 'flow_texts.channel_id')
                .whereRef('named.flow_id', '=', 'flow_texts.flow_id')
                .whereRef('named.hash', '=', 'flow_texts.hash'),
            ),
          ),
        )
        .execute()
      return Number(result.numDeletedRows)
    },

    async json({ accountId, channelId, flowId }, versionId) {
      const row = await db
        .selectFrom('flow_versions as version')
        .innerJoin('flow_texts as text', (join) =>
          join
            .onRef('text.account_id', '=', 'version.account_id')
            .onRef('text.channel_id', '=', 'version.channel_id')
            .onRef('text.flow_id', '=', 'version.flow_id')
            .onRef('text.hash', '=', 'version.hash'),
        )
        .select('text.json_literal')
        .where('version.account_id', '=', accountId)
        .where('version.channel_id', '=', channelId)
        .where('version.flow_id', '=', flowId)
        .where('version.id', '=', versionId)
        .executeTakeFirst()
      return row && fromStored(row.json_literal)
    },
  }
}
