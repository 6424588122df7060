import { Client } from 'pg'
import { expect, it } from 'vitest'
import type { FailedRequest, LookupResult } from '../../shared/lookup'
import { createApp } from '../app'
import { openStore } from '../store/open-store'
import { liveConfig, memoryAudit, memoryLog, readError, until } from '../test-support'
import { createUpstreamClient } from '../upstream/client'

const config = liveConfig()
const upstream = createUpstreamClient({ ...config.upstream, fetch: async () => new Response(null, { status: 500 }) })
const someId = '3f1c9a52-7e4b-4d1a-9c8f-2b6e0d4a7c13'

/** What node-postgres throws when the database is not there: a refused connection. */
async function postgresDown(): Promise<Error> {
  const client = new Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1000 })
  return client.connect().then(
    () => new Error('unexpectedly connected'),
    (error: Error) => error,
  )
}

it('answers 503 DATABASE_UNAVAILABLE with an Error ID when the database does not answer a read (not 500)', async () => {
  const refused = await postgresDown()
  const store = await openStore(':memory:')
  const failing = { ...store, lookup: () => Promise.reject(refused), backups: { ...store.backups, list: () => Promise.reject(refused) } }
  const app = createApp({ config, upstream, logger: memoryLog().logger, audit: memoryAudit(), store: failing })

  for (const path of [`/api/v1/lookup/${someId}`, `/api/v1/accounts/${config.accountId}/channels/${config.channels[0].id}/deleted-flows`]) {
    const answer = await app.request(path)
    expect(answer.status, path).toBe(503)
    expect(await readError(answer)).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: 'The database is not answering; try again shortly', errorId: expect.any(String) })
  }
  await store.close()
})

it('keeps in memory an Error ID the database could not take, finds it meanwhile, and writes it once the database takes it', async () => {
  const store = await openStore(':memory:')
  let refuse = true
  const written: FailedRequest[] = []
  const flaky = {
    ...store,
    recordFailure: async (failure: FailedRequest) => {
      if (refuse) throw new Error('SQLITE_BUSY: database is locked')
      written.push(failure)
      return store.recordFailure(failure)
    },
  }
  const app = createApp({ config, upstream, logger: memoryLog().logger, audit: memoryAudit(), store: flaky, failureRetryMs: 10 })

  const answer = await app.request(`/api/v1/accounts/${config.accountId}/channels/${config.channels[0].id}/flows/not-a-flow`)
  const { errorId } = await readError(answer)
  const meanwhile = (await (await app.request(`/api/v1/lookup/${errorId}`)).json()) as LookupResult
  expect(meanwhile).toMatchObject({ found: true, failures: [expect.objectContaining({ errorId, status: 502 })] })

  refuse = false
  await until(() => written.length === 1)
  expect((await store.lookup(errorId, 90)).failures).toEqual([expect.objectContaining({ errorId })])
  await store.close()
})
