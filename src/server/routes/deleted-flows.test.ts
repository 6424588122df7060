import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../shared/audit'
import type { DeletedFlowList, DeleteResult, RestoreResult } from '../../shared/deleted-flows'
import { createApp } from '../app'
import type { Store } from '../store/open-store'
import { testEngines } from '../store/test-databases'
import { eightByEightError, fakeUpstream, flowsUrl, json, liveConfig, memoryLog, otherChannelId, readError, until, upstreamBase, writesOf } from '../test-support'
import { createUpstreamClient } from '../upstream/client'

const flowId = '1620387745519023'
const flowUrl = `${flowsUrl}/${flowId}`
const deletedUrl = flowsUrl.replace(/\/flows$/, '/deleted-flows')
const headers = { 'x-requested-with': 'XMLHttpRequest', 'x-flow-name': 'Old%20promo' }
const deleteInit = { method: 'DELETE', headers }
const restoreInit = { method: 'POST', headers: { 'x-requested-with': 'XMLHttpRequest' } }
// Whitespace and key order exactly as the CDN served them: the copy keeps the bytes, not a re-serialisation.
const flowJson = '{"version":"6.0",  "screens":[{"id":"WELCOME","terminal":true,"layout":{"type":"SingleColumnLayout","children":[]}}]}\n'
const details = {
  flowId,
  flowJsonUrl: `${upstreamBase}/cdn/${flowId}.json?token=1`,
  name: 'Old promo',
  status: 'DRAFT',
  categories: ['LEAD_GENERATION', 'OTHER'],
  endPointUri: 'https://shop.example.com/flow-data',
}

type Respond = (request: Request) => Response | Promise<Response> | undefined
const hang = (request: Request) =>
  new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))

/**
 * A fake 8x8 for one flow: details, its JSON on the CDN, delete, create, and a list of the drafts it
 * created (`made`) beside `others`; `override` answers first (a create it answers was not made).
 */
function fake8x8(override: Respond = () => undefined, { others = [] as { id: string; name: string; status: string }[] } = {}) {
  let created = 0
  const made: { id: string; name: string; status: string }[] = []
  return fakeUpstream(async (request) => {
    const { pathname } = new URL(request.url)
    if (request.method === 'GET' && pathname === flowsUrl) return json({ flows: [...others, ...made] })
    const answer = await override(request)
    if (answer) {
      if (request.method === 'POST' && answer.status === 599) {
        // Made, but the answer never came: as a create that times out after 8x8 did it.
        made.push({ id: `17000000000000${String(++created).padStart(2, '0')}`, name: 'Old promo', status: 'DRAFT' })
        return hang(request)
      }
      return answer
    }
    if (request.method === 'GET' && pathname.startsWith('/cdn/')) return new Response(flowJson, { headers: { 'content-type': 'application/json' } })
    if (request.method === 'GET' && pathname === flowUrl) return json(details)
    if (request.method === 'DELETE') return new Response(null, { status: 200 })
    if (request.method === 'POST' && pathname === flowsUrl) {
      const id = `17000000000000${String(++created).padStart(2, '0')}`
      made.push({ id, name: 'Old promo', status: 'DRAFT' })
      return json({ id, success: true })
    }
    return json(eightByEightError(1300, 'Resource not found'), 404)
  })
}

describe.each(testEngines)('deletes that can be taken back, on $name', ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  async function appWith(upstream: ReturnType<typeof fake8x8>, { timeoutMs = 1000 } = {}) {
    ;({ store } = await open())
    const config = liveConfig({ timeoutMs })
    const client = createUpstreamClient({ ...config.upstream, fetch: upstream.fetch, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    const app = createApp({ config, upstream: client, logger: memoryLog().logger, audit: store.audit, store })
    return { app, store, audit: () => store!.audit.recent({ accountId: config.accountId, channelId: config.channels[0].id }, 50) }
  }

  /** Another instance on the same store, against another 8x8 (its state as a test sets it). */
  async function reopenWith(upstream: ReturnType<typeof fake8x8>) {
    const config = liveConfig({ timeoutMs: 150 })
    const client = createUpstreamClient({ ...config.upstream, fetch: upstream.fetch, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    return { app: createApp({ config, upstream: client, logger: memoryLog().logger, audit: store!.audit, store }) }
  }

  const listed = async (app: Awaited<ReturnType<typeof appWith>>['app']) => ((await (await app.request(deletedUrl)).json()) as DeletedFlowList).deletedFlows

  it('reads the flow and keeps a copy before the DELETE is sent; the copy is listed and its JSON served byte for byte', async () => {
    const upstream = fake8x8()
    const { app, audit } = await appWith(upstream)

    const response = await app.request(flowUrl, deleteInit)
    expect(response.status).toBe(200)
    const { backupId } = (await response.json()) as DeleteResult
    expect(backupId).toMatch(/^[0-9a-f-]{36}$/)
    expect(upstream.calls.map((call) => `${call.method} ${new URL(call.url).pathname}`)).toEqual([
      `GET ${flowUrl}`,
      `GET /cdn/${flowId}.json`,
      `DELETE ${flowUrl}`,
    ])
    // The CDN gets no key.
    expect(upstream.calls[1].headers.get('authorization')).toBeNull()

    const [copy, ...others] = await listed(app)
    expect(others).toEqual([])
    expect(copy).toMatchObject({
      backupId,
      flowId,
      name: 'Old promo',
      categories: ['LEAD_GENERATION', 'OTHER'],
      endPointUri: 'https://shop.example.com/flow-data',
      status: 'DRAFT',
      state: 'deleted',
      restored: null,
      deletedBy: null,
    })
    expect(Date.parse(copy.keptUntil) - Date.parse(copy.deletedAt)).toBe(90 * 24 * 60 * 60_000)
    const download = await app.request(`${deletedUrl}/${backupId}/json`)
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Old-promo-${flowId}.json"`)
    expect(await download.text()).toBe(flowJson)
    expect((await audit())[0]).toMatchObject({ action: 'flow.delete', result: 'deleted', backup: 'kept', backupId })
  })

  it('deletes nothing when the copy cannot be made (the JSON address fails), says why, and deletes without one only when asked', async () => {
    const upstream = fake8x8((request) => (new URL(request.url).pathname.startsWith('/cdn/') ? new Response('gone', { status: 500 }) : undefined))
    const { app, audit } = await appWith(upstream)

    const refused = await app.request(flowUrl, deleteInit)
    expect(refused.status).toBe(502)
    const error = await readError(refused)
    expect(error).toMatchObject({ code: 'BACKUP_FAILED', source: 'proxy' })
    expect(error.message).toBe("No copy of the flow could be made, so it was not deleted: Meta's CDN answered HTTP 500 for the flow JSON")
    expect(writesOf(upstream.calls)).toEqual([])
    expect(await listed(app)).toEqual([])
    expect((await audit())[0]).toMatchObject({ result: 'failed', code: 'BACKUP_FAILED', errorId: error.errorId })

    const anyway = await app.request(flowUrl, {
      method: 'DELETE',
      headers: { ...headers, 'x-backup': 'none', 'x-backup-failed-error-id': error.errorId },
    })
    expect(anyway.status).toBe(200)
    expect(await anyway.json()).toEqual({ backupId: null })
    expect(writesOf(upstream.calls).map((call) => call.method)).toEqual(['DELETE'])
    expect((await audit())[0]).toMatchObject({
      result: 'deleted',
      backup: 'none',
      reason: `the operator chose to delete without a copy after BACKUP_FAILED ${error.errorId}`,
    })
    expect(await listed(app)).toEqual([])
  })

  it("names 8x8's code and Error ID when 8x8 refuses the read, and refuses a made-up X-Backup", async () => {
    const refusal = eightByEightError(2000, 'Internal server error')
    const upstream = fake8x8((request) => (request.method === 'GET' && new URL(request.url).pathname === flowUrl ? json(refusal, 500) : undefined))
    const { app } = await appWith(upstream)
    const response = await app.request(flowUrl, deleteInit)
    expect(await readError(response)).toMatchObject({
      code: 'BACKUP_FAILED',
      message: `No copy of the flow could be made, so it was not deleted: 8x8 refused to read the flow (2000, Error ID ${refusal.errorId})`,
    })
    const odd = await app.request(flowUrl, { method: 'DELETE', headers: { ...headers, 'x-backup': 'later' } })
    expect(odd.status).toBe(400)
    const badId = await app.request(flowUrl, { method: 'DELETE', headers: { ...headers, 'x-backup': 'none', 'x-backup-failed-error-id': 'not <an> id' } })
    expect(badId.status).toBe(400)
    expect(writesOf(upstream.calls)).toEqual([])
  })

  it('drops the copy when 8x8 refuses the delete, and keeps it as unconfirmed when 8x8 does not answer in time', async () => {
    const refusal = eightByEightError(1000, 'Flow is used by a message template and cannot be deleted')
    let deletes = 0
    const upstream = fake8x8((request) => (request.method === 'DELETE' ? (++deletes === 1 ? json(refusal, 400) : hang(request)) : undefined))
    const { app } = await appWith(upstream, { timeoutMs: 150 })

    expect((await app.request(flowUrl, deleteInit)).status).toBe(400)
    expect(await listed(app)).toEqual([])
    expect((await app.request(flowUrl, deleteInit)).status).toBe(504)
    expect(await listed(app)).toEqual([expect.objectContaining({ flowId, state: 'unconfirmed' })])
  })

  it('restores a copy whose delete was not confirmed only once 8x8 says the flow is gone: never a second flow beside the first', async () => {
    let deleted = false
    const upstream = fake8x8((request) => {
      if (request.method === 'DELETE') return hang(request)
      if (deleted && request.method === 'GET' && new URL(request.url).pathname === flowUrl) return json(eightByEightError(1300, 'Resource not found'), 404)
      return undefined
    })
    const { app } = await appWith(upstream, { timeoutMs: 150 })
    expect((await app.request(flowUrl, deleteInit)).status).toBe(504)
    const [copy] = await listed(app)

    const early = await app.request(`${deletedUrl}/${copy.backupId}/restore`, restoreInit)
    expect(early.status).toBe(409)
    expect(await readError(early)).toMatchObject({ code: 'FLOW_NOT_DELETED', message: expect.stringContaining('8x8 still has flow') })
    expect(upstream.calls.filter((call) => call.method === 'POST')).toEqual([])

    deleted = true
    const restore = await app.request(`${deletedUrl}/${copy.backupId}/restore`, restoreInit)
    expect(restore.status).toBe(200)
    expect(upstream.calls.filter((call) => call.method === 'POST')).toHaveLength(1)
    expect((await listed(app))[0]).toMatchObject({ state: 'deleted', restored: expect.objectContaining({ flowId: '1700000000000001' }) })
  })

  describe('a restore whose create 8x8 did not confirm', () => {
    /** 8x8 makes the first restore's flow but its answer never comes (the proxy times out). */
    const madeButUnanswered = (options?: Parameters<typeof fake8x8>[1]) => {
      let creates = 0
      return fake8x8((request) => (request.method === 'POST' && ++creates === 1 ? new Response(null, { status: 599 }) : undefined), options)
    }
    const creates = (upstream: ReturnType<typeof fake8x8>) => upstream.calls.filter((call) => call.method === 'POST')

    it('is marked not confirmed, and a second restore finds its draft in the list instead of creating another', async () => {
      const upstream = madeButUnanswered()
      const { app, audit } = await appWith(upstream, { timeoutMs: 150 })
      const { backupId } = (await (await app.request(flowUrl, deleteInit)).json()) as DeleteResult

      const first = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
      expect(first.status).toBe(504)
      expect((await listed(app))[0]).toMatchObject({ restored: null, restoreUnconfirmedAt: expect.any(String) })

      const second = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
      expect(second.status).toBe(200)
      expect(await second.json()).toEqual({ flowId: '1700000000000001', name: 'Old promo', validationErrors: [], foundInList: true })
      expect(creates(upstream)).toHaveLength(1)
      expect((await listed(app))[0]).toMatchObject({ restored: expect.objectContaining({ flowId: '1700000000000001' }), restoreUnconfirmedAt: null })
      expect((await audit())[0]).toMatchObject({ action: 'flow.restore', result: 'restored', newFlowId: '1700000000000001', reason: expect.stringContaining('nothing was created') })
    })

    it('does not take a draft of the same name that was there before the first restore for its own', async () => {
      const upstream = fake8x8((request) => (request.method === 'POST' && creates(upstream).length === 1 ? hang(request) : undefined), {
        others: [{ id: '1690000000000001', name: 'Old promo', status: 'DRAFT' }],
      })
      const { app } = await appWith(upstream, { timeoutMs: 150 })
      const { backupId } = (await (await app.request(flowUrl, deleteInit)).json()) as DeleteResult
      expect((await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)).status).toBe(504)

      const second = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
      expect(second.status).toBe(200)
      expect(((await second.json()) as RestoreResult).flowId).toBe('1700000000000001')
      expect(creates(upstream)).toHaveLength(2)
    })

    it('creates none when the list shows two new drafts of that name, and says to check the list', async () => {
      const upstream = madeButUnanswered()
      const { app } = await appWith(upstream, { timeoutMs: 150 })
      const { backupId } = (await (await app.request(flowUrl, deleteInit)).json()) as DeleteResult
      expect((await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)).status).toBe(504)
      // Someone made another draft of the same name meanwhile, in 8x8 Connect.
      upstream.calls.length = 0
      const other = fake8x8(undefined, { others: [{ id: '1700000000000001', name: 'Old promo', status: 'DRAFT' }, { id: '1700000000000077', name: 'Old promo', status: 'DRAFT' }] })
      const { app: again } = await reopenWith(other)

      const second = await again.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
      expect(second.status).toBe(409)
      expect(await readError(second)).toMatchObject({ code: 'RESTORE_NOT_CONFIRMED', message: expect.stringMatching(/^Restore not confirmed: 2 new drafts named “Old promo”.*check the list\.$/) })
      expect(creates(other)).toEqual([])
    })
  })

  it('restores a copy as a new draft with one create-flow of the same name, categories, endpoint and JSON; a second restore is refused', async () => {
    const upstream = fake8x8()
    const { app, audit } = await appWith(upstream)
    const { backupId } = (await (await app.request(flowUrl, deleteInit)).json()) as DeleteResult

    const response = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
    expect(response.status).toBe(200)
    const restored = (await response.json()) as RestoreResult
    expect(restored).toEqual({ flowId: '1700000000000001', name: 'Old promo', validationErrors: [] })
    const creates = upstream.calls.filter((call) => call.method === 'POST')
    expect(creates).toHaveLength(1)
    expect(creates[0].url).toBe(`${upstreamBase}${flowsUrl}`)
    expect(creates[0].headers.get('content-type')).toBe('application/json')
    expect(await creates[0].json()).toEqual({ name: 'Old promo', categories: ['LEAD_GENERATION', 'OTHER'], flowJson, endPointUri: 'https://shop.example.com/flow-data' })

    expect((await listed(app))[0].restored).toMatchObject({ flowId: '1700000000000001', by: null })
    const [outcome, attempt] = await audit()
    expect(outcome).toMatchObject({ action: 'flow.restore', phase: 'outcome', result: 'restored', flowId, backupId, newFlowId: '1700000000000001', flowName: 'Old promo' })
    expect(attempt).toMatchObject({ action: 'flow.delete' })

    const again = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
    expect(again.status).toBe(409)
    expect(await readError(again)).toMatchObject({ code: 'ALREADY_RESTORED' })
    expect((await readError(await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit))).message).toContain('as flow 1700000000000001')
    expect(upstream.calls.filter((call) => call.method === 'POST')).toHaveLength(1)
  })

  it('refuses a second restore of the same copy while the first is with 8x8: one create-flow reaches 8x8', async () => {
    const held: (() => void)[] = []
    const upstream = fake8x8((request) =>
      request.method === 'POST' ? new Promise<Response>((resolve) => held.push(() => resolve(json({ id: '1700000000000009', success: true })))) : undefined,
    )
    const { app } = await appWith(upstream)
    const { backupId } = (await (await app.request(flowUrl, deleteInit)).json()) as DeleteResult

    const first = app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
    await until(() => held.length === 1)
    const second = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
    expect(second.status).toBe(409)
    expect(await readError(second)).toMatchObject({ code: 'CHANGE_IN_PROGRESS' })
    held.splice(0).forEach((release) => release())
    expect((await first).status).toBe(200)
    expect(upstream.calls.filter((call) => call.method === 'POST')).toHaveLength(1)
  })

  it("passes 8x8's refusal of a restore on as it came, never retries it, and leaves the copy restorable", async () => {
    const refusal = { ...eightByEightError(1000, "Invalid value found for property 'type'."), code: 1000 }
    let posts = 0
    const upstream = fake8x8((request) => (request.method === 'POST' && ++posts <= 2 ? (posts === 1 ? json(refusal, 400) : json(eightByEightError(2000, 'busy'), 503)) : undefined))
    const { app, audit } = await appWith(upstream)
    const { backupId } = (await (await app.request(flowUrl, deleteInit)).json()) as DeleteResult

    const refused = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toEqual(refusal)
    expect((await audit())[0]).toMatchObject({ action: 'flow.restore', result: 'refused', errorId: refusal.errorId })
    const unavailable = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
    expect(unavailable.status).toBe(503)
    expect(posts).toBe(2)
    expect((await listed(app))[0].restored).toBeNull()
    expect((await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)).status).toBe(200)
  })

  it("says when 8x8 creates nothing (success false) with Meta's reasons", async () => {
    const upstream = fake8x8((request) =>
      request.method === 'POST'
        ? json({ success: false, validationErrors: [{ error: 'INVALID_PROPERTY_VALUE', errorType: 'FLOW_JSON_ERROR', message: "Invalid value found for property 'type'." }] })
        : undefined,
    )
    const { app } = await appWith(upstream)
    const { backupId } = (await (await app.request(flowUrl, deleteInit)).json()) as DeleteResult
    const response = await app.request(`${deletedUrl}/${backupId}/restore`, restoreInit)
    expect(response.status).toBe(422)
    expect(await readError(response)).toMatchObject({ code: 'FLOW_NOT_CREATED', message: "8x8 did not create the flow: Invalid value found for property 'type'." })
  })

  it('checks ids, channel and the CSRF header like every route', async () => {
    const upstream = fake8x8()
    const { app } = await appWith(upstream)
    const { backupId } = (await (await app.request(flowUrl, deleteInit)).json()) as DeleteResult
    expect((await app.request(`${deletedUrl}/not-a-backup/restore`, restoreInit)).status).toBe(400)
    expect((await app.request(`${deletedUrl}/${crypto.randomUUID()}/restore`, restoreInit)).status).toBe(404)
    // Another configured channel does not see this channel's copies.
    expect((await app.request(`${deletedUrl.replace(/channels\/[^/]+/, `channels/${otherChannelId}`)}/${backupId}/restore`, restoreInit)).status).toBe(404)
    const crossSite = await app.request(`${deletedUrl}/${backupId}/restore`, { method: 'POST', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })
    expect(crossSite.status).toBe(403)
    expect(upstream.calls.filter((call) => call.method === 'POST')).toHaveLength(0)
  })

  it('prunes copies older than the retention time', async () => {
    const upstream = fake8x8()
    const { app, store: opened } = await appWith(upstream)
    await app.request(flowUrl, deleteInit)
    expect(await opened.backups.prune(new Date(Date.now() - 1000).toISOString())).toBe(0)
    expect(await opened.backups.prune(new Date(Date.now() + 1000).toISOString())).toBe(1)
    expect(await listed(app)).toEqual([])
  })
})

describe('templates that launch flows', () => {
  it("reduces 8x8's templates list to the templates with FLOW buttons and their flows", async () => {
    const upstream = fakeUpstream(() =>
      json({
        templates: [
          { templateName: 'order_status', language: 'en_US', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hi' }, { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Open', flowId }, { type: 'URL', text: 'Site', url: 'https://x.example' }] }] },
          { templateName: 'plain', language: 'en', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hi' }] },
          { templateName: 'odd', language: 'de', status: 'REJECTED', components: [{ type: 'BUTTONS', buttons: 'not a list' }, { type: 'BUTTONS', buttons: [{ type: 'FLOW', flowId: '99' }, { type: 'FLOW', flowId: '99' }] }] },
        ],
      }),
    )
    const config = liveConfig()
    const app = createApp({ config, upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch }), logger: memoryLog().logger, audit: { append: async () => {}, recent: async () => [] as AuditEntry[], close: async () => {} } })
    const response = await app.request(flowsUrl.replace(/\/flows$/, '/templates'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      templates: [
        { name: 'order_status', language: 'en_US', status: 'APPROVED', flowIds: [flowId] },
        { name: 'odd', language: 'de', status: 'REJECTED', flowIds: ['99'] },
      ],
    })
    expect(upstream.calls[0].url).toBe(`${upstreamBase}${flowsUrl.replace(/\/flows$/, '/templates')}`)
  })
})
