import { afterEach, describe, expect, it } from 'vitest'
import type { FlowHistory } from '../../shared/flow-history'
import type { Seed } from '../sandbox/seed'
import type { Store } from '../store/open-store'
import { testEngines } from '../store/test-databases'
import { accountId, appOnEmulator, channelId, flowsUrl, testKey } from '../test-support'

// A flow's JSON is kept as the bytes it is, whatever they hold: a byte order mark at its start, a raw
// NUL inside a string (only an API client can send one), through reading, history, copies and restores.

const withBom = '\ufeff{"version":"7.3","screens":[]}'
const withNul = '{"version":"7.3","screens":[],"note":"a\u0000b"}'
const bomId = '1700000000000001'
const nulId = '1700000000000002'
const seed: Seed = {
  apiKey: testKey,
  accountId,
  channels: [
    {
      id: channelId,
      name: 'Test',
      flows: [
        { id: bomId, name: 'With a BOM', status: 'DRAFT', categories: ['OTHER'], flowJson: withBom },
        { id: nulId, name: 'With a NUL', status: 'DRAFT', categories: ['OTHER'], flowJson: withNul },
      ],
    },
  ],
}
const headers = { 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' }
const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer())
const utf8 = (text: string) => new TextEncoder().encode(text)

describe.each(testEngines)("a flow's JSON byte for byte, on $name", ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  async function setUp() {
    ;({ store } = await open())
    const sent: string[] = []
    const app = appOnEmulator(seed, store!, async (request) => {
      if (request.method === 'POST' || request.method === 'PUT') sent.push(await request.text())
    })
    const history = async (flowId: string) => ((await (await app.request(`${flowsUrl}/${flowId}/versions`)).json()) as FlowHistory).versions
    const version = async (flowId: string, versionId: string) => bytes(await app.request(`${flowsUrl}/${flowId}/versions/${versionId}/json`))
    return { app, history, version, sent }
  }

  it('reads a JSON that starts with a byte order mark with it, 33 bytes, and keeps one version of it however often it is read', async () => {
    const { app, history, version } = await setUp()
    const read = await bytes(await app.request(`${flowsUrl}/${bomId}/json`))
    expect(read).toEqual(utf8(withBom))
    expect(read).toHaveLength(33)
    await (await app.request(`${flowsUrl}/${bomId}/json`)).arrayBuffer()
    await expect.poll(async () => (await history(bomId)).map((entry) => entry.source)).toEqual(['seen'])
    expect(await version(bomId, (await history(bomId))[0].versionId)).toEqual(utf8(withBom))
  })

  it('reads a JSON with a raw NUL in a string, and keeps its version whole', async () => {
    const { app, history, version } = await setUp()
    const read = await app.request(`${flowsUrl}/${nulId}/json`)
    expect(read.status).toBe(200)
    expect(await bytes(read)).toEqual(utf8(withNul))
    await expect.poll(async () => (await history(nulId)).length).toBe(1)
    expect(await version(nulId, (await history(nulId))[0].versionId)).toEqual(utf8(withNul))
  })

  it('keeps a copy of it before a delete, and restores it byte for byte', async () => {
    const { app, sent } = await setUp()
    const deleted = await app.request(`${flowsUrl}/${nulId}`, { method: 'DELETE', headers })
    expect(deleted.status).toBe(200)
    const { backupId } = (await deleted.json()) as { backupId: string }
    const copy = await app.request(flowsUrl.replace(/\/flows$/, `/deleted-flows/${backupId}/json`))
    expect(await bytes(copy)).toEqual(utf8(withNul))
    expect((await app.request(flowsUrl.replace(/\/flows$/, `/deleted-flows/${backupId}/restore`), { method: 'POST', headers })).status).toBe(200)
    expect((JSON.parse(sent.at(-1)!) as { flowJson: string }).flowJson).toBe(withNul)
  })
})
