import type { Kysely, Migration } from 'kysely'
import { fromStored, toStored } from './stored-text'

// oxlint-disable typescript/no-explicit-any -- a migration works on the schema of its day, not today's Database type

const batch = 100

/** Copies `from` into `to` for every row of `table`, a batch at a time (a text may be a megabyte). */
async function convert(db: Kysely<any>, table: string, from: string, to: string, encode: (value: string) => string) {
  let after = ''
  for (;;) {
    const rows: { id: string; value: string }[] = await db.selectFrom(table).select(['id', `${from} as value`]).where('id', '>', after).orderBy('id').limit(batch).execute()
    if (rows.length === 0) return
    for (const row of rows) await db.updateTable(table).set({ [to]: encode(row.value) }).where('id', '=', row.id).execute()
    after = rows.at(-1)!.id
  }
}

/**
 * A flow's history keeps every event as its own row (a save, a clone, a restore, even of a text it had
 * before) and each distinct text once (`flow_texts`). Texts, and copies of deleted flows, are stored as
 * JSON string literals (stored-text.ts), so a raw NUL or a byte order mark comes back as it went in.
 */
export const flowTextsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('flow_texts')
      .addColumn('account_id', 'text', (col) => col.notNull())
      .addColumn('channel_id', 'text', (col) => col.notNull())
      .addColumn('flow_id', 'text', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull())
      .addColumn('json_literal', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('flow_texts_pk', ['account_id', 'channel_id', 'flow_id', 'hash'])
      .execute()
    let after = ''
    for (;;) {
      const rows = await db.selectFrom('flow_versions').select(['id', 'account_id', 'channel_id', 'flow_id', 'hash', 'flow_json']).where('id', '>', after).orderBy('id').limit(batch).execute()
      if (rows.length === 0) break
      for (const { id: _id, flow_json, ...key } of rows) {
        await db
          .insertInto('flow_texts')
          .values({ ...key, json_literal: toStored(flow_json) })
          .onConflict((conflict) => conflict.columns(['account_id', 'channel_id', 'flow_id', 'hash']).doNothing())
          .execute()
      }
      after = rows.at(-1)!.id
    }
    // Events, no longer one per text.
    await db.schema.dropIndex('flow_versions_flow_hash').execute()
    await db.schema.createIndex('flow_versions_flow_hash').on('flow_versions').columns(['account_id', 'channel_id', 'flow_id', 'hash']).execute()
    await db.schema.alterTable('flow_versions').dropColumn('flow_json').execute()

    await db.schema.alterTable('flow_backups').addColumn('json_literal', 'text').execute()
    await convert(db, 'flow_backups', 'flow_json', 'json_literal', toStored)
    await db.schema.alterTable('flow_backups').dropColumn('flow_json').execute()
  },

  async down(db: Kysely<any>) {
    await db.schema.alterTable('flow_backups').addColumn('flow_json', 'text').execute()
    await convert(db, 'flow_backups', 'json_literal', 'flow_json', fromStored)
    await db.schema.alterTable('flow_backups').dropColumn('json_literal').execute()
    // Back to one row per text: the newest event of each text keeps it.
    await db.schema.alterTable('flow_versions').addColumn('flow_json', 'text').execute()
    const events = await db.selectFrom('flow_versions').select(['id', 'account_id', 'channel_id', 'flow_id', 'hash']).orderBy('taken_at', 'desc').orderBy('id', 'desc').execute()
    const seen = new Set<string>()
    for (const event of events) {
      const key = `${event.account_id}/${event.channel_id}/${event.flow_id}/${event.hash}`
      if (seen.has(key)) {
        await db.deleteFrom('flow_versions').where('id', '=', event.id).execute()
        continue
      }
      seen.add(key)
      const text = await db
        .selectFrom('flow_texts')
        .select('json_literal')
        .where('account_id', '=', event.account_id)
        .where('channel_id', '=', event.channel_id)
        .where('flow_id', '=', event.flow_id)
        .where('hash', '=', event.hash)
        .executeTakeFirstOrThrow()
      await db.updateTable('flow_versions').set({ flow_json: fromStored(text.json_literal) }).where('id', '=', event.id).execute()
    }
    await db.schema.dropIndex('flow_versions_flow_hash').execute()
    await db.schema.createIndex('flow_versions_flow_hash').unique().on('flow_versions').columns(['account_id', 'channel_id', 'flow_id', 'hash']).execute()
    await db.schema.dropTable('flow_texts').execute()
  },
}
