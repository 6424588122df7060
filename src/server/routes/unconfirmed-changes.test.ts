import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../shared/audit'
import type { FlowHistory } from '../../shared/flow-history'
import type { Seed } from '../sandbox/seed'
import type { Store } from '../store/open-store'
import { testEngines } from '../store/test-databases'
import { accountId, appOnEmulator, channelId, flowsUrl, readError, testKey, type Silence } from '../test-support'

// A change 8x8 carried out but did not confirm in time (or did not carry out) is told as it is: unknown
// until the server reads the flow again, then done, or not. A retry never makes it worse.

const draftId = '1620387745519023'
const before = '{"version":"7.3","screens":[{"id":"A","terminal":true,"layout":{"type":"SingleColumnLayout","children":[]}}]}'
const sent = '{"version":"7.3","screens":[{"id":"B","terminal":true,"layout":{"type":"SingleColumnLayout","children":[]}}]}'
const seed: Seed = {
  apiKey: testKey,
  accountId,
  channels: [{ id: channelId, name: 'Test', flows: [{ id: draftId, name: 'Old promo', status: 'DRAFT', categories: ['LEAD_GENERATION'], flowJson: before }] }],
}
const headers = { 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' }
const flowUrl = `${flowsUrl}/${draftId}`

describe.each(testEngines)('changes 8x8 did not confirm, on $name', ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  /** The app on the emulator; `silence` says what 8x8 does with the first request `first` matches. */
  async function setUp(first: (request: Request) => boolean, silence: Silence) {
    ;({ store } = await open())
    const requests: Request[] = []
    let silenced = false
    const app = appOnEmulator(seed, store!, (request) => void requests.push(request), {
      timeoutMs: 300,
      silent: (request) => {
        if (silenced || !first(request)) return undefined
        silenced = true
        return silence
      },
    })
    const history = async () => ((await (await app.request(`${flowUrl}/versions`)).json()) as FlowHistory).versions
    const outcomes = async () => (await store!.audit.recent({ accountId, channelId }, 50)).filter((entry: AuditEntry) => entry.phase === 'outcome')
    const puts = () => requests.filter((request) => request.method === 'PUT')
    return { app, history, outcomes, puts }
  }

  const isPut = (request: Request) => request.method === 'PUT'
  const isPublish = (request: Request) => request.method === 'POST' && request.url.endsWith('/publish')

  /** Opens the flow as the editor does: its JSON and the ETag it was read with. */
  async function opened(app: Awaited<ReturnType<typeof setUp>>['app']) {
    const response = await app.request(`${flowUrl}/json`)
    expect(await response.text()).toBe(before)
    return response.headers.get('etag')!
  }
  const save = (etag: string) => ({ method: 'PUT', headers: { ...headers, 'if-match': etag, 'x-flow-name': 'Old%20promo' }, body: JSON.stringify({ flowJson: sent }) })

  it('a save 8x8 applied but did not confirm is unknown, not failed: its text is not labelled as never sent', async () => {
    const { app, history } = await setUp(isPut, 'applied')
    const etag = await opened(app)
    const response = await app.request(flowUrl, save(etag))
    expect(response.status).toBe(504)
    expect(await readError(response)).toMatchObject({ code: 'UPSTREAM_TIMEOUT' })
    const versions = await history()
    expect(versions[0]).toMatchObject({ source: 'unconfirmed-save' })
    expect(versions.map((version) => version.source)).not.toContain('failed-save')
  })

  it('its retry finds 8x8 has exactly the text sent: nothing is sent again, nothing to save, and the save is recorded as done', async () => {
    const { app, history, outcomes, puts } = await setUp(isPut, 'applied')
    const etag = await opened(app)
    const first = await app.request(flowUrl, save(etag))
    const firstRequestId = first.headers.get('x-request-id')
    const retry = await app.request(flowUrl, save(etag))
    expect(retry.status).toBe(200)
    expect(await retry.json()).toMatchObject({ id: draftId, unchanged: true })
    expect(puts()).toHaveLength(1)
    expect((await history())[0]).toMatchObject({ source: 'saved' })
    expect(await outcomes()).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'flow.update', requestId: firstRequestId, result: 'updated', reason: expect.stringContaining('confirmed later') })]),
    )
  })

  it('reading the flow again confirms it too (the editor reopened)', async () => {
    const { app, history, outcomes } = await setUp(isPut, 'applied')
    const etag = await opened(app)
    await app.request(flowUrl, save(etag))
    expect(await (await app.request(`${flowUrl}/json`)).text()).toBe(sent)
    // Found in the background, after the download.
    await expect.poll(async () => (await history())[0]?.source).toBe('saved')
    await expect.poll(async () => (await outcomes()).filter((entry) => entry.action === 'flow.update').map((entry) => entry.result)).toEqual(['updated', 'unknown'])
  })

  it('a save 8x8 never carried out stays unknown, and its retry saves it', async () => {
    const { app, history, puts } = await setUp(isPut, 'lost')
    const etag = await opened(app)
    expect((await app.request(flowUrl, save(etag))).status).toBe(504)
    expect((await history())[0]).toMatchObject({ source: 'unconfirmed-save' })
    const retry = await app.request(flowUrl, save(etag))
    expect(retry.status).toBe(200)
    expect(await retry.json()).not.toHaveProperty('unchanged')
    expect(puts()).toHaveLength(2)
    expect((await history())[0]).toMatchObject({ source: 'saved' })
  })

  it('a publish 8x8 carried out and did not confirm is found published before it is reported, and recorded so', async () => {
    const { app, outcomes } = await setUp(isPublish, 'applied')
    const response = await app.request(`${flowUrl}/publish`, { method: 'POST', headers: { 'x-requested-with': 'XMLHttpRequest' } })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ confirmedLater: true })
    expect(await outcomes()).toEqual([expect.objectContaining({ action: 'flow.publish', result: 'published', reason: expect.stringContaining('PUBLISHED') })])
  })

  it('a publish 8x8 did not carry out, and did not confirm, is unknown; its retry publishes', async () => {
    const { app, outcomes } = await setUp(isPublish, 'lost')
    const init = { method: 'POST', headers: { 'x-requested-with': 'XMLHttpRequest' } }
    expect((await app.request(`${flowUrl}/publish`, init)).status).toBe(504)
    expect((await app.request(`${flowUrl}/publish`, init)).status).toBe(204)
    expect((await outcomes()).map((entry) => entry.result)).toEqual(['published', 'unknown'])
  })

  it('a publish 8x8 carried out late: the retry, refused as "must be in DRAFT", finds the flow published and says so, not a failure', async () => {
    const { app, outcomes } = await setUp(isPublish, 'late')
    const init = { method: 'POST', headers: { 'x-requested-with': 'XMLHttpRequest' } }
    expect((await app.request(`${flowUrl}/publish`, init)).status).toBe(504)
    const retry = await app.request(`${flowUrl}/publish`, init)
    expect(retry.status).toBe(200)
    expect(await retry.json()).toMatchObject({ confirmedLater: true })
    expect((await outcomes()).map((entry) => [entry.result, entry.reason?.includes('PUBLISHED') ?? false])).toEqual([
      ['published', true],
      ['unknown', false],
    ])
  })
})
