import { afterEach, describe, expect, it } from 'vitest'
import type { FlowHistory } from '../../shared/flow-history'
import type { Seed } from '../sandbox/seed'
import type { Store } from '../store/open-store'
import { testEngines } from '../store/test-databases'
import { accountId, appOnEmulator, channelId, flowsUrl, readError, testKey } from '../test-support'

const draftId = '1620387745519023'
const first = '{"version":"7.3","screens":[{"id":"A","terminal":true,"layout":{"type":"SingleColumnLayout","children":[]}}]}'
const seed: Seed = { apiKey: testKey, accountId, channels: [{ id: channelId, name: 'Test', flows: [{ id: draftId, name: 'Old promo', status: 'DRAFT', categories: ['OTHER'], flowJson: first }] }] }
const headers = { 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' }
const historyUrl = `${flowsUrl}/${draftId}/versions`

describe.each(testEngines)("a flow's history, on $name", ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  async function setUp() {
    ;({ store } = await open())
    const app = appOnEmulator(seed, store!)
    const history = async () => ((await (await app.request(historyUrl)).json()) as FlowHistory).versions
    async function save(json: string, extra: Record<string, string> = {}) {
      const read = await app.request(`${flowsUrl}/${draftId}/json`)
      await read.text()
      return app.request(`${flowsUrl}/${draftId}`, { method: 'PUT', headers: { ...headers, 'if-match': read.headers.get('etag')!, ...extra }, body: JSON.stringify({ flowJson: json }) })
    }
    return { app, history, save, opened: store! }
  }

  it('keeps the JSON as first seen, then every save, newest first; a save of what 8x8 has already sends nothing', async () => {
    const { history, save, app } = await setUp()
    await (await app.request(`${flowsUrl}/${draftId}/json`)).text()
    await expect.poll(async () => (await history()).map((version) => version.source)).toEqual(['seen'])
    expect((await save(`${first}\n`)).status).toBe(200)
    expect((await save(`${first}\n\n`)).status).toBe(200)
    const again = await save(`${first}\n\n`)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ unchanged: true })
    expect((await history()).map((version) => version.source)).toEqual(['saved', 'saved', 'seen'])
  })

  it('keeps each event as its own row when texts repeat: a clone saved back to its first text, a version brought back', async () => {
    const { app } = await setUp()
    const cloned = await app.request(flowsUrl, { method: 'POST', headers, body: JSON.stringify({ name: 'Old promo (copy)', cloneFlowId: draftId }) })
    const { id } = (await cloned.json()) as { id: string }
    const cloneHistory = async () => ((await (await app.request(`${flowsUrl}/${id}/versions`)).json()) as FlowHistory).versions
    const saveClone = async (json: string, extra: Record<string, string> = {}) => {
      const read = await app.request(`${flowsUrl}/${id}/json`)
      await read.text()
      return app.request(`${flowsUrl}/${id}`, { method: 'PUT', headers: { ...headers, 'if-match': read.headers.get('etag')!, ...extra }, body: JSON.stringify({ flowJson: json }) })
    }
    expect((await saveClone(`${first}\n`)).status).toBe(200)
    expect((await saveClone(first)).status).toBe(200)
    expect((await cloneHistory()).map((version) => version.source)).toEqual(['saved', 'saved', 'cloned'])
    const [, middle, start] = await cloneHistory()
    expect((await saveClone(`${first}\n`, { 'x-restored-version': middle.versionId })).status).toBe(200)
    const after = await cloneHistory()
    expect(after.map((version) => version.source)).toEqual(['restored', 'saved', 'saved', 'cloned'])
    // The earlier rows are where they were, with their own IDs.
    expect(after.slice(2).map((version) => version.versionId)).toEqual([middle.versionId, start.versionId])
  })

  it('serves any version byte for byte, and 404 for one it does not have', async () => {
    const { history, save, app } = await setUp()
    await save(`${first}\n\n`)
    const [saved, before] = await history()
    expect(await (await app.request(`${historyUrl}/${before.versionId}/json`)).text()).toBe(first)
    expect(await (await app.request(`${historyUrl}/${saved.versionId}/json`)).text()).toBe(`${first}\n\n`)
    const missing = await app.request(`${historyUrl}/0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a/json`)
    expect(missing.status).toBe(404)
    expect((await app.request(`${historyUrl}/..%2F..%2Fetc/json`)).status).toBe(400)
    expect((await readError(missing)).code).toBe('NOT_FOUND')
  })

  it('a version brought back moves to the top as a restore, naming the version, and is audited so', async () => {
    const { history, save, opened } = await setUp()
    await save(`${first}\n`)
    const older = (await history()).find((version) => version.source === 'before-save' || version.source === 'seen')!
    expect((await save(first, { 'x-restored-version': older.versionId })).status).toBe(200)
    const [top] = await history()
    expect(top).toMatchObject({ source: 'restored', origin: older.versionId })
    const audit = await opened.audit.recent({ accountId, channelId }, 10)
    expect(audit.find((entry) => entry.phase === 'outcome')).toMatchObject({ action: 'flow.update', reason: expect.stringContaining(`restored version ${older.versionId}`) })
  })

  it("a clone's history starts with the original's JSON, cloned from it", async () => {
    const { app } = await setUp()
    const cloned = await app.request(flowsUrl, { method: 'POST', headers, body: JSON.stringify({ name: 'Old promo (copy)', cloneFlowId: draftId }) })
    const { id } = (await cloned.json()) as { id: string }
    const versions = ((await (await app.request(`${flowsUrl}/${id}/versions`)).json()) as FlowHistory).versions
    expect(versions).toEqual([expect.objectContaining({ source: 'cloned', origin: `flow:${draftId}` })])
    expect(await (await app.request(`${flowsUrl}/${id}/versions/${versions[0].versionId}/json`)).text()).toBe(first)
  })

  it('a flow restored from a copy starts its history with the copy, naming the deleted flow', async () => {
    const { app, history } = await setUp()
    const deleted = (await (await app.request(`${flowsUrl}/${draftId}`, { method: 'DELETE', headers })).json()) as { backupId: string }
    const restored = await app.request(flowsUrl.replace(/\/flows$/, `/deleted-flows/${deleted.backupId}/restore`), { method: 'POST', headers })
    const { flowId } = (await restored.json()) as { flowId: string }
    const versions = ((await (await app.request(`${flowsUrl}/${flowId}/versions`)).json()) as FlowHistory).versions
    expect(versions).toEqual([expect.objectContaining({ source: 'restored', origin: `flow:${draftId}` })])
    // The deleted flow's own history keeps its copy.
    expect((await history()).map((version) => version.source)).toContain('deleted-copy')
  })

  it("keeps the JSON of a failed save apart, and its Error ID's lookup names that version", async () => {
    const { app, history, save } = await setUp()
    expect((await app.request(`${flowsUrl}/${draftId}/publish`, { method: 'POST', headers })).status).toBe(204)
    const refused = await save(`${first}\n\n\n`)
    expect(refused.status).toBe(400)
    const { errorId } = await readError(refused)
    const failed = (await history()).find((version) => version.source === 'failed-save')!
    expect(await (await app.request(`${historyUrl}/${failed.versionId}/json`)).text()).toBe(`${first}\n\n\n`)
    const lookup = (await (await app.request(`/api/v1/lookup/${errorId}`)).json()) as { audit: { phase: string; reason?: string }[] }
    expect(lookup.audit.find((entry) => entry.phase === 'outcome')?.reason).toContain(`the JSON sent is kept as version ${failed.versionId}`)
  })

  it("prunes old versions, but never a flow's latest", async () => {
    const { history, save, opened, app } = await setUp()
    await save(`${first}\n`)
    expect(await history()).toHaveLength(2)
    expect(await opened.versions.prune(new Date(Date.now() + 60_000).toISOString())).toBe(1)
    const [latest] = await history()
    expect(latest).toMatchObject({ source: 'saved' })
    expect(await history()).toHaveLength(1)
    expect(await (await app.request(`${historyUrl}/${latest.versionId}/json`)).text()).toBe(`${first}\n`)
  })

  it('pages through every version, however many: the first of 510 is listed too, each once', async () => {
    const { app, opened } = await setUp()
    const params = { accountId, channelId, flowId: draftId }
    for (let n = 0; n < 510; n++) {
      await opened.versions.keep({ ...params, json: `${first}${' '.repeat(n)}`, source: n === 0 ? 'seen' : 'saved', validationErrorCount: 0, requestId: `r-${n}`, takenBy: null })
    }
    const seen: FlowHistory['versions'] = []
    let next: string | undefined
    let pages = 0
    do {
      const answer = (await (await app.request(`${historyUrl}?limit=200${next ? `&before=${encodeURIComponent(next)}` : ''}`)).json()) as FlowHistory
      expect(answer.total).toBe(510)
      seen.push(...answer.versions)
      next = answer.next
      pages += 1
    } while (next !== undefined && pages < 10)
    expect(pages).toBe(3)
    expect(new Set(seen.map((version) => version.versionId)).size).toBe(510)
    expect(next).toBeUndefined()
    // The first kept is listed (saved within the same milliseconds, the 510 are ordered by time, then ID).
    const original = seen.find((version) => version.source === 'seen')!
    expect(await (await app.request(`${historyUrl}/${original.versionId}/json`)).text()).toBe(first)
  })

  it('refuses a malformed page cursor or limit', async () => {
    const { app } = await setUp()
    expect((await app.request(`${historyUrl}?before=not-a-cursor`)).status).toBe(400)
    expect((await app.request(`${historyUrl}?limit=0`)).status).toBe(400)
  })
})
