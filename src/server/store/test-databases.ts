import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'pg'
import { openStore, type Store } from './open-store'

/**
 * The databases every store test runs on: SQLite in memory and on disk, and the throwaway Postgres
 * that `npm test` starts (scripts/with-postgres.mjs sets TEST_DATABASE_URL). Each call gets a fresh,
 * empty database (on Postgres: a schema of its own).
 */
export const testEngines: { name: string; open: () => Promise<{ store: Store; url: string; searchPath?: string }> }[] = [
  { name: 'SQLite in memory', open: async () => ({ store: await openStore(':memory:'), url: ':memory:' }) },
  {
    name: 'SQLite file',
    open: async () => {
      const url = `file:${join(mkdtempSync(join(tmpdir(), 'flows-admin-store-')), 'data', 'flows-admin.db')}`
      return { store: await openStore(url), url }
    },
  },
]

const postgresUrl = process.env.TEST_DATABASE_URL
if (postgresUrl) {
  testEngines.push({
    name: 'Postgres',
    open: async () => {
      const searchPath = `test_${crypto.randomUUID().replaceAll('-', '')}`
      const client = new Client({ connectionString: postgresUrl })
      await client.connect()
      await client.query(`create schema ${searchPath}`)
      await client.end()
      return { store: await openStore(postgresUrl, { searchPath }), url: postgresUrl, searchPath }
    },
  })
} else if (process.env.CI) {
  throw new Error('TEST_DATABASE_URL is not set: run the tests through `npm test` (scripts/with-postgres.mjs), which starts a Postgres')
}
