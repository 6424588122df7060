import { afterEach, describe, expect, it } from 'vitest'
import type { LookupResult } from '../../shared/lookup'
import { createApp } from '../app'
import type { Store } from '../store/open-store'
import { testEngines } from '../store/test-databases'
import { answerBackupReads, eightByEightError, fakeUpstream, flowsUrl, json, liveConfig, memoryLog, readError, until } from '../test-support'
import { createUpstreamClient, type FetchLike } from '../upstream/client'

const flowUrl = `${flowsUrl}/1620387745519023`
const deleteInit = { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest', 'x-flow-name': 'Old%20promo' } }
const hang = (request: Request) =>
  new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))

describe.each(testEngines)('support lookup on $name', ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  async function appWith(respond: (request: Request) => Response | Promise<Response>) {
    ;({ store } = await open())
    const upstream = fakeUpstream(answerBackupReads(respond))
    const config = liveConfig({ timeoutMs: 100 })
    const app = createApp({
      config,
      upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch as FetchLike, retry: { attempts: 1, baseMs: 1, capMs: 1 } }),
      logger: memoryLog().logger,
      audit: store.audit,
      store,
    })
    return { app, upstream, store }
  }

  const lookup = async (app: Awaited<ReturnType<typeof appWith>>['app'], id: string) => {
    const response = await app.request(`/api/v1/lookup/${encodeURIComponent(id)}`)
    return { status: response.status, body: (await response.json()) as LookupResult }
  }

  it("finds a timed-out delete by the server's Error ID and by its request ID: cause, attempt and outcome", async () => {
    const { app } = await appWith(hang)
    const response = await app.request(flowUrl, deleteInit)
    const { errorId } = await readError(response)
    const requestId = response.headers.get('x-request-id')!
    await until(async () => (await lookup(app, errorId)).body.failures.length > 0)

    for (const id of [errorId, ` "${requestId}" `]) {
      const { status, body } = await lookup(app, id)
      expect(status).toBe(200)
      expect(body.found).toBe(true)
      expect(body.failures).toEqual([
        expect.objectContaining({ errorId, requestId, method: 'DELETE', status: 504, code: 'UPSTREAM_TIMEOUT', source: 'proxy', flowId: '1620387745519023' }),
      ])
      expect(body.failures[0].cause).toMatch(/timeout|abort/i)
      expect(body.audit).toEqual([
        expect.objectContaining({ phase: 'attempt', requestId, flowName: 'Old promo' }),
        expect.objectContaining({ phase: 'outcome', requestId, result: 'unknown', errorId }),
      ])
    }
  })

  it("finds 8x8's own Error ID of a refused delete", async () => {
    const refusal = eightByEightError(1000, 'Flow is used by a message template and cannot be deleted')
    const { app } = await appWith(() => json(refusal, 400))
    await app.request(flowUrl, deleteInit)
    await until(async () => (await lookup(app, refusal.errorId)).body.failures.length > 0)
    const { body } = await lookup(app, refusal.errorId)
    expect(body.failures).toEqual([expect.objectContaining({ code: 1000, source: 'upstream', status: 400, message: refusal.message })])
    expect(body.audit.at(-1)).toMatchObject({ result: 'refused', errorId: refusal.errorId })
  })

  it('says when an ID is unknown, and refuses what cannot be an ID', async () => {
    const { app } = await appWith(() => json({ flows: [] }))
    expect(await lookup(app, 'f0f0f0f0-0000-4000-8000-000000000000')).toMatchObject({ status: 200, body: { found: false, retentionDays: 90 } })
    expect((await app.request('/api/v1/lookup/a%20b%3Cc')).status).toBe(400)
  })

  it('fails closed: with the store gone, deletes get 503 and reach nothing, the list still loads, /readyz says degraded', async () => {
    const { app, upstream, store: opened } = await appWith((request) => (request.method === 'GET' ? json({ flows: [] }) : new Response(null, { status: 204 })))
    expect(await (await app.request('/readyz')).json()).toMatchObject({ status: 'ready', database: { state: 'answering' } })
    store = undefined
    await opened.close()

    const refused = await app.request(flowUrl, deleteInit)
    expect(refused.status).toBe(503)
    expect(await readError(refused)).toMatchObject({ code: 'AUDIT_UNAVAILABLE' })
    expect(upstream.calls.filter((call) => call.method === 'DELETE')).toHaveLength(0)
    expect((await app.request(flowsUrl)).status).toBe(200)
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ status: 'degraded', database: { state: 'failing' } })
  })
})
