import { Client } from 'pg'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { hashPassword } from '../auth/password'
import type { ServerConfig } from '../config'
import { answerBackupReads, fakeUpstream, flowsUrl, json, liveConfig, memoryLog, until, writesOf } from '../test-support'
import { createUpstreamClient } from '../upstream/client'
import type { Store } from './open-store'
import { createSharedChangeLock, createSharedRateLimiter, createSharedSignInThrottle } from './shared-limits'
import { testEngines } from './test-databases'

const postgres = testEngines.find((engine) => engine.name === 'Postgres')
if (!postgres) throw new Error('These tests need the throwaway Postgres that `npm test` starts (TEST_DATABASE_URL)')

const password = 'correct horse battery staple'
let hash: string
beforeAll(async () => {
  hash = await hashPassword(password)
})
const basic = (name: string, secret: string) => `Basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`

describe('two instances on one Postgres behave as one', () => {
  const stores: Store[] = []
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()))
  })

  /** Two servers, each with its own connection pool to the same database, in front of one fake 8x8. */
  async function twoInstances(config: ServerConfig, respond: (request: Request) => Response | Promise<Response> = (request) => (request.method === 'GET' ? json({ flows: [] }) : new Response(null, { status: 204 }))) {
    const { store: first, url, searchPath } = await postgres!.open()
    const { openStore } = await import('./open-store')
    const second = await openStore(url, { searchPath })
    stores.push(first, second)
    const upstream = fakeUpstream(answerBackupReads(respond))
    const apps = [first, second].map((store) =>
      createApp({
        config,
        upstream: createUpstreamClient({
          ...config.upstream,
          fetch: upstream.fetch,
          rateLimiter: createSharedRateLimiter(store.db, { perMinute: config.upstream.rateLimitPerMinute, maxWaitMs: 5000 }),
        }),
        logger: memoryLog().logger,
        audit: store.audit,
        store,
        signInThrottle: createSharedSignInThrottle(store.db),
        remoteAddress: () => '203.0.113.9',
      }),
    )
    return { apps, upstream }
  }

  it('share one 8x8 budget: limit 20, 40 different reads across both, 15 reach 8x8 and the rest get 429 at once; a delete still goes through', async () => {
    const { apps, upstream } = await twoInstances(liveConfig({ rateLimitPerMinute: 20 }))
    // Different reads (identical ones in flight would share a call). Reads may take 15 of the 20: the rest is kept for changes.
    const statuses = await Promise.all(Array.from({ length: 40 }, async (_, i) => (await apps[i % 2].request(`${flowsUrl}?limit=${i + 1}`)).status))
    expect(upstream.calls).toHaveLength(15)
    expect(statuses.filter((status) => status === 200)).toHaveLength(15)
    expect(statuses.filter((status) => status === 429)).toHaveLength(25)
    // The copy's read and the delete, through the other instance, within what was kept.
    const deleted = await apps[1].request(`${flowsUrl}/1000000000000001`, { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } })
    expect(deleted.status).toBe(200)
    expect(writesOf(upstream.calls)).toHaveLength(1)
  })

  it('refuse a second change to a flow while the first is with 8x8, whichever instance it comes through', async () => {
    const { store: first, url, searchPath } = await postgres!.open()
    const { openStore } = await import('./open-store')
    const second = await openStore(url, { searchPath })
    stores.push(first, second)
    const answers: (() => void)[] = []
    const upstream = fakeUpstream(answerBackupReads(() => new Promise<Response>((resolve) => answers.push(() => resolve(new Response(null, { status: 204 }))))))
    const config = liveConfig({ timeoutMs: 5000 })
    const [a, b] = [first, second].map((store) =>
      createApp({
        config,
        upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch }),
        logger: memoryLog().logger,
        audit: store.audit,
        store,
        changeLock: createSharedChangeLock(store.db, { holdMs: 60_000 }),
      }),
    )
    const remove = { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } }
    const firstDelete = a.request(`${flowsUrl}/1620387745519023`, remove)
    await until(() => writesOf(upstream.calls).length === 1)
    const refused = await b.request(`${flowsUrl}/1620387745519023`, remove)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ code: 'CHANGE_IN_PROGRESS' })
    answers.splice(0).forEach((answer) => answer())
    expect((await firstDelete).status).toBe(200)
    expect(writesOf(upstream.calls)).toHaveLength(1)

    const again = b.request(`${flowsUrl}/1620387745519023`, remove)
    await until(() => writesOf(upstream.calls).length === 2)
    answers.splice(0).forEach((answer) => answer())
    expect((await again).status).toBe(200)
  })

  it("show a delete made through one in the other's Recent activity and lookup", async () => {
    const { apps } = await twoInstances(liveConfig())
    const deleted = await apps[0].request(`${flowsUrl}/1620387745519023`, {
      method: 'DELETE',
      headers: { 'x-requested-with': 'XMLHttpRequest', 'x-flow-name': 'Old%20promo' },
    })
    expect(deleted.status).toBe(200)
    const requestId = deleted.headers.get('x-request-id')!
    const activity = (await (await apps[1].request(flowsUrl.replace(/\/flows$/, '/audit'))).json()) as { entries: { requestId: string; result: string }[] }
    expect(activity.entries).toEqual([expect.objectContaining({ requestId, result: 'deleted' })])
    const found = (await (await apps[1].request(`/api/v1/lookup/${requestId}`)).json()) as { audit: { phase: string }[] }
    expect(found.audit.map((entry) => entry.phase)).toEqual(['attempt', 'outcome'])
  })

  it('refuse a create whose name is the same in another case as one 8x8 did not confirm through the other', async () => {
    const made: { id: string; name: string; status: string }[] = []
    const { apps, upstream } = await twoInstances(liveConfig({ timeoutMs: 300 }), (request) => {
      if (request.method === 'GET') return json({ flows: made })
      made.push({ id: '1700000000000001', name: 'Spring survey', status: 'DRAFT' })
      return new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
    })
    const create = (name: string) => ({
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' },
      body: JSON.stringify({ name, categories: ['SURVEY'], flowJson: '{"version":"7.3","screens":[]}' }),
    })
    expect((await apps[0].request(flowsUrl, create('Spring survey'))).status).toBe(504)
    const second = await apps[1].request(flowsUrl, create('SPRING SURVEY'))
    expect(second.status).toBe(409)
    expect(await second.json()).toMatchObject({ code: 'CREATE_NOT_CONFIRMED' })
    expect(upstream.calls.filter((call) => call.method === 'POST')).toHaveLength(1)
  })

  it('share one sign-in throttle: five failures through one, the right password through the other is refused', async () => {
    const config: ServerConfig = { ...liveConfig(), auth: { mode: 'basic', operatorsFile: 'ops', operators: new Map([['dana', hash]]) } }
    const { apps } = await twoInstances(config)
    for (let i = 0; i < 5; i++) {
      expect((await apps[0].request('/api/config', { headers: { authorization: basic('dana', `wrong-${i}`) } })).status).toBe(401)
    }
    const refused = await apps[1].request('/api/config', { headers: { authorization: basic('dana', password) } })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800)
  })
})

describe('Postgres gone', () => {
  it('deletes are refused with 503 and reach nothing, the list still loads, /readyz says degraded; all back once it returns', async () => {
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL })
    await admin.connect()
    const name = `gone_${crypto.randomUUID().replaceAll('-', '')}`
    await admin.query(`create database ${name}`)
    const url = new URL(process.env.TEST_DATABASE_URL!)
    url.pathname = `/${name}`
    const { openStore } = await import('./open-store')
    const store = await openStore(url.href)
    const fallbacks: unknown[] = []
    const upstream = fakeUpstream(answerBackupReads((request) => (request.method === 'GET' ? json({ flows: [] }) : new Response(null, { status: 204 }))))
    const config = liveConfig()
    const app = createApp({
      config,
      upstream: createUpstreamClient({
        ...config.upstream,
        fetch: upstream.fetch,
        rateLimiter: createSharedRateLimiter(store.db, { perMinute: 100, maxWaitMs: 5000, onFallback: (error) => fallbacks.push(error) }),
      }),
      logger: memoryLog().logger,
      audit: store.audit,
      store,
    })
    const remove = { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } }
    try {
      expect((await app.request(flowsUrl)).status).toBe(200)

      // Closed to new connections, and every session of it ended: as a stopped server looks to a client.
      await admin.query(`alter database ${name} allow_connections false`)
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [name])

      const refused = await app.request(`${flowsUrl}/1620387745519023`, remove)
      expect(refused.status).toBe(503)
      expect(await refused.json()).toMatchObject({ code: 'AUDIT_UNAVAILABLE' })
      expect(upstream.calls.filter((call) => call.method === 'DELETE')).toHaveLength(0)
      // A Refresh reads 8x8 anew, under the instance's own budget while the shared one is out of reach.
      expect((await app.request(flowsUrl, { headers: { 'cache-control': 'no-cache' } })).status).toBe(200)
      expect(fallbacks.length).toBeGreaterThan(0)
      const ready = await app.request('/readyz')
      expect(ready.status).toBe(503)
      expect(await ready.json()).toMatchObject({ status: 'degraded', database: { state: 'failing' } })

      await admin.query(`alter database ${name} allow_connections true`)
      expect((await app.request('/readyz')).status).toBe(200)
      expect((await app.request(`${flowsUrl}/1620387745519023`, remove)).status).toBe(200)
    } finally {
      await store.close()
      await admin.end()
    }
  })
})

describe('the shared change lock after a database outage', () => {
  it('gives back a lock it could not release once the database answers again, and says when a held lock expires', async () => {
    const { store } = await postgres!.open()
    try {
      let down = false
      // The database gone for the release only: the delete that held the lock has ended meanwhile.
      const db = new Proxy(store.db, {
        get: (target, name) => {
          if (down && name === 'deleteFrom') throw new Error('Connection terminated unexpectedly')
          const value = Reflect.get(target, name, target) as unknown
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
        },
      })
      const lock = createSharedChangeLock(db, { holdMs: 70_000 })
      expect(await lock.acquire('flow-1')).toBe(true)
      down = true
      await expect(lock.release('flow-1')).rejects.toThrow('Connection terminated')
      expect(await lock.expiresAt?.('flow-1')).toBeGreaterThan(Date.now() + 60_000)

      down = false
      // Back: the next change to that flow is not refused for the minute the lock would have held.
      expect(await lock.acquire('flow-1')).toBe(true)
      await lock.release('flow-1')
      expect(await lock.expiresAt?.('flow-1')).toBeUndefined()
    } finally {
      await store.close()
    }
  })
})
