import { afterEach, describe, expect, it } from 'vitest'
import type { FlowWriteResult } from '../../shared/flow-edit'
import type { Seed } from '../sandbox/seed'
import type { Store } from '../store/open-store'
import { testEngines } from '../store/test-databases'
import { accountId, appOnEmulator, channelId, flowsUrl, readError, testKey } from '../test-support'

const draftId = '1620387745519023'
const publishedId = '1145805540595505'
const seed: Seed = {
  apiKey: testKey,
  accountId,
  channels: [
    {
      id: channelId,
      name: 'Test',
      flows: [
        { id: draftId, name: 'Old promo', status: 'DRAFT', categories: ['LEAD_GENERATION'], endPointUri: 'https://shop.example.com/flows/promo', flowJson: '{"version":"7.3","screens":[{"id":"A","terminal":true,"layout":{"type":"SingleColumnLayout","children":[]}}]}' },
        { id: publishedId, name: 'Loan Collection', status: 'PUBLISHED', categories: ['OTHER'] },
      ],
    },
  ],
}
// Spaces, key order and a trailing newline as the operator typed them: 8x8 must get exactly this text.
const typed = '{\n  "screens": [{ "id": "HELLO", "terminal": true,\n    "layout": { "type": "SingleColumnLayout", "children": [{ "type": "TextBodyy", "text": "Hi" }] } }],\n  "version": "7.3"\n}\n'
const headers = { 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' }

describe.each(testEngines)('creating, saving and publishing flows, on $name', ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  async function setUp() {
    ;({ store } = await open())
    const sent: { method: string; url: string; body: string }[] = []
    const app = appOnEmulator(seed, store!, async (request) => {
      sent.push({ method: request.method, url: request.url, body: request.method === 'GET' ? '' : await request.text() })
    })
    const audit = () => store!.audit.recent({ accountId, channelId }, 50)
    const writes = () => sent.filter((call) => call.method !== 'GET')
    return { app, audit, writes, opened: store! }
  }

  it('creates a draft with the JSON exactly as written, once, and says where Meta found errors', async () => {
    const { app, writes, audit } = await setUp()
    const response = await app.request(flowsUrl, { method: 'POST', headers, body: JSON.stringify({ name: 'Spring survey', categories: ['SURVEY'], flowJson: typed }) })
    expect(response.status).toBe(201)
    const body = (await response.json()) as FlowWriteResult
    expect(body.validationErrors).toEqual([expect.objectContaining({ error: 'INVALID_PROPERTY_VALUE', lineStart: 3, paths: ['screens[0].layout.children[0].type'] })])
    expect(writes()).toHaveLength(1)
    expect((JSON.parse(writes()[0].body) as { flowJson: string }).flowJson).toBe(typed)
    expect(await audit()).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'flow.create', phase: 'outcome', result: 'created', newFlowId: body.id, flowName: 'Spring survey' })]))
  })

  it.each([
    [{ categories: ['SURVEY'], flowJson: typed }, 'name'],
    [{ name: 'x', categories: [], flowJson: typed }, 'at least one category'],
    [{ name: 'x', categories: ['NOPE'] }, 'categories'],
    [{ name: 'x', categories: ['OTHER'], endPointUri: 'http://plain.example.com' }, 'https://'],
    [{ name: 'x', categories: ['OTHER'], cloneFlowId: '../etc' }, 'cloneFlowId'],
    [{ name: 'x', categories: ['OTHER'], extra: 1 }, 'extra'],
  ])('refuses %j before it reaches 8x8 (400 naming %s)', async (body, named) => {
    const { app, writes } = await setUp()
    const response = await app.request(flowsUrl, { method: 'POST', headers, body: JSON.stringify(body) })
    expect(response.status).toBe(400)
    expect((await readError(response)).message).toContain(named)
    expect(writes()).toEqual([])
  })

  it("counts the flow JSON's own bytes, not its escaped form: 960 kB of emoji sent \\u-escaped (as Python's json.dumps does) is created", async () => {
    const { app, writes } = await setUp()
    const emoji = `{"version":"7.3","screens":[],"note":"${'\u{1F600}'.repeat(240_000)}"}`
    expect(new TextEncoder().encode(emoji).length).toBeGreaterThan(960_000)
    // ensure_ascii: every character past ASCII as \uXXXX (a surrogate pair for each emoji, 12 characters).
    const body = JSON.stringify({ name: 'Emoji', categories: ['OTHER'], flowJson: emoji }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    expect(body.length).toBeGreaterThan(2_800_000)
    const response = await app.request(flowsUrl, { method: 'POST', headers, body })
    expect(response.status).toBe(201)
    expect((JSON.parse(writes()[0].body) as { flowJson: string }).flowJson).toBe(emoji)
  })

  it('refuses a flow JSON over the limit with 413, sending nothing', async () => {
    const { app, writes } = await setUp()
    const huge = `{"version":"7.3","pad":"${'x'.repeat(1_000_001)}"}`
    const response = await app.request(flowsUrl, { method: 'POST', headers, body: JSON.stringify({ name: 'Big', categories: ['OTHER'], flowJson: huge }) })
    expect(response.status).toBe(413)
    expect(await readError(response)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
    expect(writes()).toEqual([])
  })

  it("clones a published flow into a draft with the original's categories", async () => {
    const { app, audit } = await setUp()
    const response = await app.request(flowsUrl, { method: 'POST', headers, body: JSON.stringify({ name: 'Loan Collection (copy)', cloneFlowId: publishedId }) })
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as FlowWriteResult
    const details = (await (await app.request(`${flowsUrl}/${id}`)).json()) as { status: string; categories: string[] }
    expect(details).toMatchObject({ status: 'DRAFT', categories: ['OTHER'] })
    expect(await audit()).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'flow.clone', result: 'cloned', flowId: publishedId, newFlowId: id })]))
  })

  it("keeps the original's endpoint URL in the clone: it is sent with the create", async () => {
    const { app, writes } = await setUp()
    const response = await app.request(flowsUrl, { method: 'POST', headers, body: JSON.stringify({ name: 'Old promo (copy)', cloneFlowId: draftId }) })
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as FlowWriteResult
    expect(JSON.parse(writes()[0].body)).toMatchObject({ cloneFlowId: draftId, endPointUri: 'https://shop.example.com/flows/promo' })
    const details = (await (await app.request(`${flowsUrl}/${id}`)).json()) as { endPointUri?: string }
    expect(details.endPointUri).toBe('https://shop.example.com/flows/promo')
  })

  it('saves only what changed, keeps the JSON it replaces, and answers the new ETag', async () => {
    const { app, writes, opened } = await setUp()
    const read = await app.request(`${flowsUrl}/${draftId}/json`)
    const before = await read.text()
    const etag = read.headers.get('etag')!
    expect(etag).toMatch(/^"sha256-[0-9a-f]{64}"$/)
    const response = await app.request(`${flowsUrl}/${draftId}`, { method: 'PUT', headers: { ...headers, 'if-match': etag }, body: JSON.stringify({ flowJson: typed }) })
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).not.toBe(etag)
    expect(writes().map((call) => [call.method, JSON.parse(call.body) as unknown])).toEqual([['PUT', { flowJson: typed }]])
    const versions = await opened.versions.list({ accountId, channelId, flowId: draftId }, 10)
    // The replaced text is kept once: as seen when the editor read it, or just before the save.
    expect(versions.map((version) => version.source)).toEqual(['saved', expect.stringMatching(/^(seen|before-save)$/)])
    expect(await opened.versions.json({ accountId, channelId, flowId: draftId }, versions[1].versionId)).toBe(before)
    expect(await (await app.request(`${flowsUrl}/${draftId}/json`)).text()).toBe(typed)
  })

  it('refuses a save over JSON that changed since it was opened (409), sending no PUT', async () => {
    const { app, writes } = await setUp()
    const etag = (await app.request(`${flowsUrl}/${draftId}/json`)).headers.get('etag')!
    await app.request(`${flowsUrl}/${draftId}`, { method: 'PUT', headers: { ...headers, 'if-match': etag }, body: JSON.stringify({ flowJson: typed }) })
    const late = await app.request(`${flowsUrl}/${draftId}`, { method: 'PUT', headers: { ...headers, 'if-match': etag }, body: JSON.stringify({ flowJson: `${typed} ` }) })
    expect(late.status).toBe(409)
    expect(await readError(late)).toMatchObject({ code: 'FLOW_CHANGED' })
    expect(writes()).toHaveLength(1)
  })

  it('publishes a draft without errors once, and 8x8 refuses a draft with errors', async () => {
    const { app, audit } = await setUp()
    const published = await app.request(`${flowsUrl}/${draftId}/publish`, { method: 'POST', headers })
    expect(published.status).toBe(204)
    expect(await audit()).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'flow.publish', result: 'published' })]))

    const created = (await (await app.request(flowsUrl, { method: 'POST', headers, body: JSON.stringify({ name: 'Broken', categories: ['OTHER'], flowJson: typed }) })).json()) as FlowWriteResult
    const refused = await app.request(`${flowsUrl}/${created.id}/publish`, { method: 'POST', headers })
    expect(refused.status).toBe(400)
    expect(await readError(refused)).toMatchObject({ code: 1000, message: expect.stringContaining('validation errors') })
  })

  it("lists a draft saved with errors with their count (8x8's list has none), and drops it once fixed", async () => {
    const { app } = await setUp()
    const listed = async () => ((await (await app.request(`${flowsUrl}?limit=100`)).json()) as { flows: { id: string; validationErrorCount?: number }[] }).flows.find((flow) => flow.id === draftId)
    expect((await listed())?.validationErrorCount).toBeUndefined()
    const etag = (await app.request(`${flowsUrl}/${draftId}/json`)).headers.get('etag')!
    const saved = await app.request(`${flowsUrl}/${draftId}`, { method: 'PUT', headers: { ...headers, 'if-match': etag }, body: JSON.stringify({ flowJson: typed }) })
    expect(((await saved.json()) as FlowWriteResult).validationErrors).toHaveLength(1)
    expect((await listed())?.validationErrorCount).toBe(1)

    const fixed = typed.replace('TextBodyy', 'TextBody')
    await app.request(`${flowsUrl}/${draftId}`, { method: 'PUT', headers: { ...headers, 'if-match': saved.headers.get('etag')! }, body: JSON.stringify({ flowJson: fixed }) })
    expect((await listed())?.validationErrorCount).toBe(0)
  })

  it('refuses a save of a published flow as 8x8 does', async () => {
    const { app } = await setUp()
    const response = await app.request(`${flowsUrl}/${publishedId}`, { method: 'PUT', headers, body: JSON.stringify({ name: 'New name' }) })
    expect(response.status).toBe(400)
  })
})
