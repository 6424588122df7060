import { dirname } from 'node:path'
import { createClient } from '@libsql/client'
import { LibsqlDialect } from '@libsql/kysely-libsql'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import { Pool } from 'pg'
import type { Logger } from 'pino'
import { ensureDirectory } from '../fs-paths'
import { migrations } from './migrations'
import type { Database } from './schema'

// What the store opens (SQLite through libSQL, or Postgres) and how its schema is brought up to date.

export type StoreEngine = 'sqlite' | 'postgres'

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

/**
 * The database at `url`, open and migrated to the latest schema (Kysely's migrator), before anything
 * else uses it. A database that cannot be opened or migrated is closed again and the error thrown.
 */
export async function openMigrated(url: string, { searchPath, logger }: { searchPath?: string; logger?: Logger }): Promise<Kysely<Database>> {
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
  return db
}
