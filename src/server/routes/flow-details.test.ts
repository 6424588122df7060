import { describe, expect, it } from 'vitest'
import { buildApp, eightByEightError, fakeUpstream, flowsUrl, json, readError, testKey, upstreamBase } from '../test-support'

const flowId = '1733015592817740'
const cdnUrl = `https://mmg.whatsapp.net/m1/v/t24/An-a1LjKk34?_nc_sid=471`
const details = {
  flowId,
  flowJsonUrl: cdnUrl,
  name: 'Customer feedback – draft 2',
  status: 'DRAFT',
  categories: ['SURVEY'],
  validationErrors: [
    {
      error: 'INVALID_PROPERTY_VALUE',
      errorType: 'FLOW_JSON_ERROR',
      message: "Invalid value found for property 'type'.",
      lineStart: 12,
      lineEnd: 12,
      columnStart: 21,
      columnEnd: 31,
      pointers: [{ lineStart: 12, lineEnd: 12, columnStart: 21, columnEnd: 31, path: 'screens[0].layout.children[1].type' }],
    },
  ],
}
const flowJson = '{"version":"6.0","screens":[]}'

/** A fake 8x8 plus Meta's CDN, answering by URL. */
function fake(overrides: { details?: unknown; cdn?: () => Response } = {}) {
  return fakeUpstream((request) => {
    const url = new URL(request.url)
    if (url.origin === 'https://mmg.whatsapp.net') return overrides.cdn?.() ?? new Response(flowJson, { headers: { 'content-type': 'application/json' } })
    if (url.pathname.endsWith('/preview')) {
      return json({ id: flowId, preview_url: `https://business.facebook.com/wa/manage/flows/${flowId}/preview/?token=t`, expires_at: '2026-12-13T05:49:59+0000' })
    }
    return json(overrides.details ?? details)
  })
}

describe('GET …/flows/{flowId}: details', () => {
  it("returns 8x8's details with validation errors and their paths, and keeps the CDN address on the server", async () => {
    const upstream = fake()
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(`${flowsUrl}/${flowId}`)

    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toEqual({
      id: flowId,
      name: 'Customer feedback – draft 2',
      status: 'DRAFT',
      categories: ['SURVEY'],
      hasFlowJson: true,
      validationErrors: [
        {
          error: 'INVALID_PROPERTY_VALUE',
          errorType: 'FLOW_JSON_ERROR',
          message: "Invalid value found for property 'type'.",
          lineStart: 12,
          lineEnd: 12,
          columnStart: 21,
          columnEnd: 31,
          paths: ['screens[0].layout.children[1].type'],
        },
      ],
    })
    expect(JSON.stringify(body)).not.toContain('mmg.whatsapp.net')
    expect(upstream.calls[0].url).toBe(`${upstreamBase}${flowsUrl}/${flowId}`)
    expect(upstream.calls[0].headers.get('authorization')).toBe(`Bearer ${testKey}`)
  })

  it("also reads the guide's spelling (id, validation_errors)", async () => {
    const { app } = buildApp(fake({ details: { id: flowId, name: 'x', status: 'DRAFT', validation_errors: [{ message: 'Bad' }] } }).fetch)
    const body = await (await app.request(`${flowsUrl}/${flowId}`)).json()
    expect(body).toMatchObject({ id: flowId, hasFlowJson: false, categories: [], validationErrors: [{ message: 'Bad', paths: [] }] })
  })

  it('turns an answer without a flow id into a 502 with an errorId', async () => {
    const { app } = buildApp(fake({ details: { name: 'x' } }).fetch)
    const response = await app.request(`${flowsUrl}/${flowId}`)
    expect(response.status).toBe(502)
    expect(await readError(response)).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', source: 'proxy' })
  })

  it("passes on 8x8's not-found", async () => {
    const { app } = buildApp(fakeUpstream(() => json(eightByEightError(1300, 'Flow not found'), 404)).fetch)
    const response = await app.request(`${flowsUrl}/${flowId}`)
    expect(response.status).toBe(404)
    expect(await readError(response)).toMatchObject({ code: 1300 })
  })
})

describe('GET …/flows/{flowId}/json: download', () => {
  it('fetches the JSON from the CDN without the API key and serves it as a named attachment', async () => {
    const upstream = fake()
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(`${flowsUrl}/${flowId}/json`)

    expect(response.status).toBe(200)
    expect(await response.text()).toBe(flowJson)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Customer-feedback-draft-2-${flowId}.json"`)
    const cdnCall = upstream.calls.find((call) => call.url === cdnUrl)
    expect(cdnCall?.headers.get('authorization')).toBeNull()
  })

  it('refuses a JSON address that is not on Meta’s CDN, without calling it', async () => {
    const upstream = fake({ details: { ...details, flowJsonUrl: 'https://evil.example/steal' } })
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(`${flowsUrl}/${flowId}/json`)

    expect(response.status).toBe(502)
    expect(await readError(response)).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' })
    expect(upstream.calls.map((call) => new URL(call.url).host)).not.toContain('evil.example')
  })

  it('maps a CDN failure or a body that is not JSON to a 502', async () => {
    const failing = buildApp(fake({ cdn: () => new Response('gone', { status: 410 }) }).fetch)
    expect((await failing.app.request(`${flowsUrl}/${flowId}/json`)).status).toBe(502)
    const garbled = buildApp(fake({ cdn: () => new Response('<html>', { status: 200 }) }).fetch)
    const response = await garbled.app.request(`${flowsUrl}/${flowId}/json`)
    expect(response.status).toBe(502)
    expect((await readError(response)).message).toBe('The flow JSON from the CDN is not JSON')
  })

  it('says so when 8x8 has no JSON for the flow', async () => {
    const { app } = buildApp(fake({ details: { flowId, name: 'x', status: 'DRAFT' } }).fetch)
    expect((await app.request(`${flowsUrl}/${flowId}/json`)).status).toBe(404)
  })
})

describe('GET …/flows/{flowId}/preview', () => {
  it("returns Meta's preview link and its expiry; refresh=true asks 8x8 for a new one", async () => {
    const upstream = fake()
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(`${flowsUrl}/${flowId}/preview?refresh=true`)

    expect(await response.json()).toEqual({
      previewUrl: `https://business.facebook.com/wa/manage/flows/${flowId}/preview/?token=t`,
      expiresAt: '2026-12-13T05:49:59+0000',
    })
    expect(new URL(upstream.calls[0].url).search).toBe('?refresh=true')
  })

  it('refuses a refresh that is not true or false, without calling 8x8', async () => {
    const upstream = fake()
    const { app } = buildApp(upstream.fetch)
    expect((await app.request(`${flowsUrl}/${flowId}/preview?refresh=yes`)).status).toBe(400)
    expect(upstream.calls).toHaveLength(0)
  })
})

describe('POST …/flows/{flowId}/deprecate', () => {
  const deprecateInit = { method: 'POST', headers: { 'x-requested-with': 'XMLHttpRequest', 'x-flow-name': 'Loan%20Collection' } }

  it('deprecates through 8x8 and records the attempt and the outcome', async () => {
    const upstream = fakeUpstream(() => new Response(null, { status: 200 }))
    const { app, audit } = buildApp(upstream.fetch)
    const response = await app.request(`${flowsUrl}/1145805540595505/deprecate`, deprecateInit)

    expect(response.status).toBe(204)
    expect(upstream.calls[0].method).toBe('POST')
    expect(upstream.calls[0].url).toBe(`${upstreamBase}${flowsUrl}/1145805540595505/deprecate`)
    expect(audit.entries.map((e) => [e.phase, e.action, e.flowName, e.result])).toEqual([
      ['attempt', 'flow.deprecate', 'Loan Collection', undefined],
      ['outcome', 'flow.deprecate', 'Loan Collection', 'deprecated'],
    ])
  })

  it("is sent once, never retried, and 8x8's refusal is recorded as refused", async () => {
    const upstream = fakeUpstream(() => json(eightByEightError(1000, 'Flow must be in PUBLISHED status'), 400))
    const { app, audit } = buildApp(upstream.fetch)
    const response = await app.request(`${flowsUrl}/1/deprecate`, deprecateInit)
    expect(response.status).toBe(400)
    expect(upstream.calls).toHaveLength(1)
    expect(audit.entries.at(-1)).toMatchObject({ result: 'refused', code: 1000 })
  })

  it('needs the anti-CSRF header', async () => {
    const upstream = fakeUpstream(() => new Response(null, { status: 200 }))
    const { app } = buildApp(upstream.fetch)
    expect((await app.request(`${flowsUrl}/1/deprecate`, { method: 'POST' })).status).toBe(403)
    expect(upstream.calls).toHaveLength(0)
  })
})
