import type { Kysely, Migration } from 'kysely'
import { flowTextsMigration } from './migration-flow-texts'

/**
 * The schema, one migration a step, in the order Kysely's Migrator applies them (by name). Written
 * once for both engines: only portable types (text, integer) and plain indexes. A migration that moves
 * data as well has a file of its own.
 */
export const migrations: Record<string, Migration> = {
  '2026-12-01-01-audit-and-failed-requests': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_entries')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('time', 'text', (col) => col.notNull())
        .addColumn('phase', 'text', (col) => col.notNull())
        .addColumn('request_id', 'text', (col) => col.notNull())
        .addColumn('operator', 'text')
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('flow_id', 'text', (col) => col.notNull())
        .addColumn('flow_name', 'text')
        .addColumn('result', 'text')
        .addColumn('status', 'integer')
        .addColumn('code', 'text')
        .addColumn('code_is_number', 'integer')
        .addColumn('error_id', 'text')
        .addColumn('duration_ms', 'integer')
        .execute()
      await db.schema.createIndex('audit_entries_channel_time').on('audit_entries').columns(['channel_id', 'time']).execute()
      await db.schema.createIndex('audit_entries_request').on('audit_entries').column('request_id').execute()
      await db.schema.createIndex('audit_entries_error').on('audit_entries').column('error_id').execute()

      await db.schema
        .createTable('failed_requests')
        .addColumn('error_id', 'text', (col) => col.primaryKey())
        .addColumn('request_id', 'text', (col) => col.notNull())
        .addColumn('time', 'text', (col) => col.notNull())
        .addColumn('method', 'text', (col) => col.notNull())
        .addColumn('route', 'text', (col) => col.notNull())
        .addColumn('account_id', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('flow_id', 'text')
        .addColumn('status', 'integer', (col) => col.notNull())
        .addColumn('code', 'text', (col) => col.notNull())
        .addColumn('message', 'text')
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('cause', 'text')
        .addColumn('operator', 'text')
        .execute()
      await db.schema.createIndex('failed_requests_request').on('failed_requests').column('request_id').execute()
      await db.schema.createIndex('failed_requests_time').on('failed_requests').column('time').execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('failed_requests').execute()
      await db.schema.dropTable('audit_entries').execute()
    },
  },
  // Limits shared by every instance on one Postgres (SQLite serves one instance and keeps them in memory).
  '2026-12-01-02-shared-limits': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('upstream_calls')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('at', 'bigint', (col) => col.notNull())
        .execute()
      await db.schema.createIndex('upstream_calls_at').on('upstream_calls').column('at').execute()
      await db.schema
        .createTable('sign_in_failures')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('count', 'integer', (col) => col.notNull())
        .addColumn('reset_at', 'bigint', (col) => col.notNull())
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('sign_in_failures').execute()
      await db.schema.dropTable('upstream_calls').execute()
    },
  },
  // Flows with a change on its way to 8x8, for every instance on one Postgres.
  '2026-12-01-03-flow-changes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('flow_changes')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('flow_changes').execute()
    },
  },
  // Copies of flows taken before their delete, to restore them as new drafts; and what the audit trail says of them.
  '2026-12-01-04-flow-backups': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('flow_backups')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('flow_id', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('categories', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('endpoint_uri', 'text')
        .addColumn('validation_errors', 'text', (col) => col.notNull())
        .addColumn('flow_json', 'text', (col) => col.notNull())
        .addColumn('request_id', 'text', (col) => col.notNull())
        .addColumn('taken_by', 'text')
        .addColumn('taken_at', 'text', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('restored_flow_id', 'text')
        .addColumn('restored_by', 'text')
        .addColumn('restored_at', 'text')
        .execute()
      await db.schema.createIndex('flow_backups_channel_taken').on('flow_backups').columns(['channel_id', 'taken_at']).execute()
      for (const column of ['backup', 'backup_id', 'reason', 'new_flow_id']) {
        await db.schema.alterTable('audit_entries').addColumn(column, 'text').execute()
      }
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['backup', 'backup_id', 'reason', 'new_flow_id']) {
        await db.schema.alterTable('audit_entries').dropColumn(column).execute()
      }
      await db.schema.dropTable('flow_backups').execute()
    },
  },
  // The settler's look-up of copies whose delete was never confirmed.
  '2026-12-02-01-flow-backups-state': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('flow_backups_state_taken').on('flow_backups').columns(['state', 'taken_at']).execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('flow_backups_state_taken').execute()
    },
  },
  // A restore whose create 8x8 did not confirm, so that a second restore looks for its flow before creating another.
  '2026-12-02-02-flow-backups-restore-sent': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('flow_backups').addColumn('restore_sent_at', 'text').execute()
      await db.schema.alterTable('flow_backups').addColumn('restore_prior_ids', 'text').execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('flow_backups').dropColumn('restore_prior_ids').execute()
      await db.schema.alterTable('flow_backups').dropColumn('restore_sent_at').execute()
    },
  },
  // The audit export reads by (time, id) in keyset pages: without this index each page sorted the whole table.
  '2026-12-02-03-audit-entries-time': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('audit_entries_time_id').on('audit_entries').columns(['time', 'id']).execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('audit_entries_time_id').execute()
    },
  },
  // Versions of a flow's JSON: the one before every save, and each one saved (once per text).
  '2026-12-03-01-flow-versions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('flow_versions')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('account_id', 'text', (column) => column.notNull())
        .addColumn('channel_id', 'text', (column) => column.notNull())
        .addColumn('flow_id', 'text', (column) => column.notNull())
        .addColumn('hash', 'text', (column) => column.notNull())
        .addColumn('flow_json', 'text', (column) => column.notNull())
        .addColumn('size', 'integer', (column) => column.notNull())
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('validation_error_count', 'integer', (column) => column.notNull())
        .addColumn('request_id', 'text', (column) => column.notNull())
        .addColumn('taken_by', 'text')
        .addColumn('taken_at', 'text', (column) => column.notNull())
        .execute()
      await db.schema.createIndex('flow_versions_flow_hash').unique().on('flow_versions').columns(['account_id', 'channel_id', 'flow_id', 'hash']).execute()
      await db.schema.createIndex('flow_versions_flow_time').on('flow_versions').columns(['account_id', 'channel_id', 'flow_id', 'taken_at']).execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('flow_versions').execute()
    },
  },
  // Where a version came from when it was brought back (a version's ID).
  '2026-12-03-02-flow-versions-origin': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('flow_versions').addColumn('origin', 'text').execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('flow_versions').dropColumn('origin').execute()
    },
  },
  // Every event of a flow's history its own row, each text once, texts and copies kept exactly (a NUL, a BOM).
  '2026-12-08-01-flow-texts': flowTextsMigration,
  // The role each change (and each refusal) was made with.
  '2026-12-08-02-audit-entries-role': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_entries').addColumn('role', 'text').execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_entries').dropColumn('role').execute()
    },
  },
}
