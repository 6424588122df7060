import { describe, expect, it, vi } from 'vitest'
import { createEmulator } from './emulator'
import type { ListFlowsResponse } from '../upstream/api-types'
import { sandboxSeed, seedWithFlows, type Seed } from './seed'

const flowsOf = async (response: Response) => ((await response.json()) as Required<ListFlowsResponse>).flows

const seed: Seed = {
  apiKey: 'emulator-key',
  accountId: '5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19',
  channels: [
    {
      id: 'chan-1',
      name: 'One',
      flows: [
        { id: '100000000000001', name: 'Draft', status: 'DRAFT', categories: ['OTHER'] },
        { id: '100000000000002', name: 'Live one', status: 'PUBLISHED', categories: ['OTHER'] },
        { id: '100000000000003', name: 'Old', status: 'DEPRECATED', categories: ['OTHER'] },
        { id: '100000000000004', name: 'In a template', status: 'DRAFT', categories: ['OTHER'] },
        { id: '100000000000005', name: 'Breaks', status: 'DRAFT', categories: ['OTHER'], fault: 'server-error' },
        { id: '100000000000006', name: 'Hangs', status: 'DRAFT', categories: ['OTHER'], fault: 'hang' },
      ],
      templates: [
        { name: 'welcome', language: 'en_US', status: 'APPROVED', flowIds: ['100000000000004'] },
        { name: 'plain', language: 'en', status: 'APPROVED', flowIds: [] },
      ],
    },
  ],
}
const base = `https://emulator.test/api/v1/accounts/${seed.accountId}/channels/chan-1/flows`
const auth = { authorization: 'Bearer emulator-key' }

async function call(path: string, init: RequestInit = {}) {
  const emulator = createEmulator({ seed })
  return { emulator, response: await emulator.fetch(path, { ...init, headers: { ...auth, ...init.headers } }) }
}

describe('sandbox emulator', () => {
  it('lists the seeded flows with id, name and status only', async () => {
    const { response } = await call(base)
    expect(response.status).toBe(200)
    const flows = await flowsOf(response)
    expect(flows).toHaveLength(6)
    expect(flows[0]).toEqual({ id: '100000000000001', name: 'Draft', status: 'DRAFT' })
  })

  it('honours limit and refuses one outside 1..1000', async () => {
    expect(await flowsOf((await call(`${base}?limit=2`)).response)).toHaveLength(2)
    const { response } = await call(`${base}?limit=0`)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 1010 })
  })

  it('answers 401 + 1200 for a wrong key', async () => {
    const emulator = createEmulator({ seed })
    const response = await emulator.fetch(base, { headers: { authorization: 'Bearer nope' } })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 1200, message: 'Request was not authenticated properly' })
  })

  it('deletes a draft for good: 200 with no body, then gone from the list', async () => {
    const emulator = createEmulator({ seed })
    const response = await emulator.fetch(`${base}/100000000000001`, { method: 'DELETE', headers: auth })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
    const flows = await flowsOf(await emulator.fetch(base, { headers: auth }))
    expect(flows.map((f) => f.id)).not.toContain('100000000000001')
    const again = await emulator.fetch(`${base}/100000000000001`, { method: 'DELETE', headers: auth })
    expect(again.status).toBe(404)
    expect(await again.json()).toMatchObject({ code: 1300, message: 'Flow not found' })
  })

  it.each([
    ['100000000000002', 400, 1000, 'Flow must be in DRAFT status'],
    ['100000000000003', 400, 1000, 'Flow must be in DRAFT status'],
    ['100000000000004', 400, 1000, 'Flow is used by a message template and cannot be deleted'],
    ['100000000000005', 500, 2000, 'Internal server error'],
    ['999', 404, 1300, 'Flow not found'],
  ])('refuses to delete %s with %i + code %i', async (flowId, status, code, message) => {
    const { response } = await call(`${base}/${flowId}`, { method: 'DELETE' })
    expect(response.status).toBe(status)
    expect(await response.json()).toMatchObject({ code, message })
  })

  it('keeps state per emulator: a fresh one has the deleted flow again', async () => {
    await call(`${base}/100000000000001`, { method: 'DELETE' })
    const { response } = await call(base)
    expect(await flowsOf(response)).toHaveLength(6)
  })
})

describe('a hanging delete', () => {
  it('never answers, and rejects like fetch once the caller gives up', async () => {
    const emulator = createEmulator({ seed })
    const caller = new AbortController()
    const attempt = emulator.fetch(`${base}/100000000000006`, { method: 'DELETE', headers: auth, signal: caller.signal })
    const settled = vi.fn<(value: unknown) => void>()
    attempt.then(settled, settled)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(settled).not.toHaveBeenCalled()

    caller.abort(new DOMException('The caller gave up', 'TimeoutError'))
    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  it('deprecates a published flow for good: the list shows it DEPRECATED and a second try is refused', async () => {
    const { emulator, response } = await call(`${base}/100000000000002/deprecate`, { method: 'POST' })
    expect(response.status).toBe(200)
    const flows = await flowsOf(await emulator.fetch(base, { headers: auth }))
    expect(flows.find((flow) => flow.id === '100000000000002')?.status).toBe('DEPRECATED')
    const again = await emulator.fetch(`${base}/100000000000002/deprecate`, { method: 'POST', headers: auth })
    expect(again.status).toBe(400)
  })

  it("serves the flow JSON at the address get-flow gives, without the key, like Meta's CDN", async () => {
    const emulator = createEmulator({ seed, flowJsonBaseUrl: 'https://cdn.test' })
    const details = (await (await emulator.fetch(`${base}/100000000000001`, { headers: auth })).json()) as { flowJsonUrl: string }
    expect(details.flowJsonUrl).toMatch(/^https:\/\/cdn\.test\//)
    const download = await emulator.fetch(details.flowJsonUrl)
    expect(download.status).toBe(200)
    const flowJson = JSON.parse(await download.text()) as { version: string; screens: { layout: { children: { text?: string }[] } }[] }
    expect(flowJson.version).toBe('6.0')
    expect(flowJson.screens[0].layout.children[0].text).toBe('Draft')
  })

  it('creates a draft with a new 16-digit id, serving the JSON it was given', async () => {
    const emulator = createEmulator({ seed, flowJsonBaseUrl: 'https://cdn.test' })
    const flowJson = '{"version":"6.0","screens":[]}'
    const created = await emulator.fetch(base, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Back again', categories: ['SURVEY'], flowJson, endPointUri: 'https://example.com/hook' }),
    })
    expect(created.status).toBe(200)
    const { id, success } = (await created.json()) as { id: string; success: boolean }
    expect(success).toBe(true)
    expect(id).toMatch(/^\d{16}$/)
    expect((await flowsOf(await emulator.fetch(base, { headers: auth }))).at(-1)).toEqual({ id, name: 'Back again', status: 'DRAFT' })
    const details = (await (await emulator.fetch(`${base}/${id}`, { headers: auth })).json()) as { flowJsonUrl: string; endPointUri: string; categories: string[] }
    expect(details).toMatchObject({ endPointUri: 'https://example.com/hook', categories: ['SURVEY'] })
    expect(await (await emulator.fetch(details.flowJsonUrl)).text()).toBe(flowJson)
  })

  it.each([
    [{ categories: ['OTHER'] }, 'name is required'],
    [{ name: 'x', categories: ['NOPE'] }, 'categories must be'],
    [{ name: 'x', categories: ['OTHER'], flowJson: 42 }, 'flowJson must be'],
  ])('refuses a create without what 8x8 requires: %j', async (body, message) => {
    const { response } = await call(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toContain(message)
  })

  it('keeps a draft whose JSON Meta finds wrong, and says where, as 8x8 does', async () => {
    const { response } = await call(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', categories: ['OTHER'], flowJson: '{\n  "version": "7.3",\n  oops\n}' }) })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { success: boolean; validationErrors: { error: string; lineStart: number }[] }
    expect(body.success).toBe(true)
    expect(body.validationErrors).toEqual([expect.objectContaining({ error: 'INVALID_JSON', lineStart: 3 })])
  })

  it("lists the channel's templates, FLOW buttons naming their flows", async () => {
    const { response } = await call(base.replace(/\/flows$/, '/templates'))
    expect(response.status).toBe(200)
    const { templates } = (await response.json()) as { templates: { templateName: string; components: { buttons?: { type: string; flowId?: string }[] }[] }[] }
    expect(templates.map((template) => template.templateName)).toEqual(['welcome', 'plain'])
    expect(templates[0].components.flatMap((component) => component.buttons ?? [])).toEqual([expect.objectContaining({ type: 'FLOW', flowId: '100000000000004' })])
  })

  it('fills the first sandbox channel up to SANDBOX_FLOWS with distinct flows, the same on every start', () => {
    const big = seedWithFlows(sandboxSeed, 1000)
    const flows = big.channels[0].flows
    expect(flows).toHaveLength(1000)
    expect(new Set(flows.map((flow) => flow.id)).size).toBe(1000)
    expect(flows.slice(0, 13)).toEqual(sandboxSeed.channels[0].flows)
    expect(seedWithFlows(sandboxSeed, 1000)).toEqual(big)
    expect(seedWithFlows(sandboxSeed, 5).channels[0].flows).toHaveLength(5)
    expect(big.channels.slice(1)).toEqual(sandboxSeed.channels.slice(1))
  })
})
