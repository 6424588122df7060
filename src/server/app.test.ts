import { createServer } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { isErrorBody } from '../shared/error-body'
import { createRateLimiter } from './upstream/resilience'
import {
  accountId,
  buildApp,
  channelId,
  eightByEightError,
  fakeUpstream,
  flowsUrl,
  json,
  liveConfig,
  readError,
  testKey,
  upstreamBase,
} from './test-support'

const deleteInit = { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } }
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

async function freePortThatRefuses(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

function expectNoKey(response: Response, text: string, logText: string) {
  expect(text).not.toContain(testKey)
  expect([...response.headers.values()].join('\n')).not.toContain(testKey)
  expect(logText).not.toContain(testKey)
}

describe('GET /api/v1/.../flows', () => {
  it('calls 8x8 with the bearer key and the limit, and returns the flows', async () => {
    const upstream = fakeUpstream(() =>
      json({ flows: [{ id: '1145805540595505', name: 'Loan Collection', status: 'DRAFT', extra: 'dropped' }] }),
    )
    const { app } = buildApp(upstream.fetch)

    const response = await app.request(`${flowsUrl}?limit=1000`)

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ flows: [{ id: '1145805540595505', name: 'Loan Collection', status: 'DRAFT' }] })
    expect(upstream.calls).toHaveLength(1)
    const [call] = upstream.calls
    expect(call.method).toBe('GET')
    expect(call.url).toBe(`${upstreamBase}/api/v1/accounts/${accountId}/channels/${channelId}/flows?limit=1000`)
    expect(call.headers.get('authorization')).toBe(`Bearer ${testKey}`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-request-id')).toMatch(uuid)
  })

  it('asks 8x8 for its documented default of 100 when no limit is given', async () => {
    const upstream = fakeUpstream(() => json({ flows: [] }))
    const { app } = buildApp(upstream.fetch)
    await app.request(flowsUrl)
    expect(new URL(upstream.calls[0].url).searchParams.get('limit')).toBe('100')
  })

  it('keeps statuses 8x8 does not document instead of failing', async () => {
    const upstream = fakeUpstream(() => json({ flows: [{ id: '1', name: 'Throttled one', status: 'THROTTLED' }] }))
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(flowsUrl)
    expect(await response.json()).toEqual({ flows: [{ id: '1', name: 'Throttled one', status: 'THROTTLED' }] })
  })

  it('answers 502 with a logged errorId when 8x8 sends a list without flow ids', async () => {
    const upstream = fakeUpstream(() => json({ flows: [{ name: 'no id', status: 'DRAFT' }] }))
    const { app, log } = buildApp(upstream.fetch)

    const response = await app.request(flowsUrl)
    const body = await readError(response)

    expect(response.status).toBe(502)
    expect(body).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', source: 'proxy' })
    expect(body.errorId).toMatch(uuid)
    expect(log.text()).toContain(body.errorId)
  })

  it("sends a large list compressed as the browser accepts it (brotli, else gzip), a small one as it is", async () => {
    const flows = Array.from({ length: 1000 }, (_, i) => ({ id: String(1_000_000_000_000_000 + i), name: `Campaign ${i} – survey`, status: 'DRAFT' }))
    const upstream = fakeUpstream(() => json({ flows }))
    const { app } = buildApp(upstream.fetch)
    const asked = (acceptEncoding?: string) => app.request(`${flowsUrl}?limit=1000`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } })
    const body = async (response: Response) => Buffer.from(await response.arrayBuffer())

    const brotli = await asked('gzip, deflate, br, zstd')
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(brotli.headers.get('content-type')).toBe('application/json')
    const compressed = await body(brotli)
    expect(JSON.parse(brotliDecompressSync(compressed).toString())).toEqual({ flows })
    // A 1000-flow list: ~70 kB as JSON; a few kB on the wire.
    expect(compressed.length).toBeLessThan(JSON.stringify({ flows }).length / 5)

    const gzip = await asked('gzip, deflate')
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(JSON.parse(gunzipSync(await body(gzip)).toString())).toEqual({ flows })

    for (const refused of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await asked(refused)
      expect(plain.headers.get('content-encoding'), String(refused)).toBeNull()
      expect(await plain.json()).toEqual({ flows })
    }

    // A small list is not worth compressing.
    const few = fakeUpstream(() => json({ flows: flows.slice(0, 10) }))
    const small = await buildApp(few.fetch).app.request(flowsUrl, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.json()).toEqual({ flows: flows.slice(0, 10) })
  })

  it.each(['0', '1001', '-5', 'ten', '1e3', '50.5'])('refuses limit=%s with 400 before calling 8x8', async (limit) => {
    const upstream = fakeUpstream(() => json({ flows: [] }))
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(`${flowsUrl}?limit=${limit}`)
    expect(response.status).toBe(400)
    expect(isErrorBody(await response.json())).toBe(true)
    expect(upstream.calls).toHaveLength(0)
  })
})

describe('DELETE /api/v1/.../flows/:flowId', () => {
  const deleteUrl = `${flowsUrl}/1620387745519023`

  it.each([
    ['200 with no body (the spec)', () => new Response(null, { status: 200 })],
    ['204 (the guide)', () => new Response(null, { status: 204 })],
    ['200 with a body', () => json({ id: '1620387745519023', name: 'Old promo', status: 'DRAFT' })],
  ])('answers 200 when 8x8 answers %s (no store here: no copy kept, and it says so)', async (_label, respond) => {
    const upstream = fakeUpstream(respond)
    const { app } = buildApp(upstream.fetch)

    const response = await app.request(deleteUrl, deleteInit)

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ backupId: null })
    expect(upstream.calls).toHaveLength(1)
    expect(upstream.calls[0].method).toBe('DELETE')
    expect(upstream.calls[0].url).toBe(`${upstreamBase}${deleteUrl}`)
    expect(upstream.calls[0].headers.get('authorization')).toBe(`Bearer ${testKey}`)
  })

  it.each([
    [400, 1000, 'Flow must be in DRAFT status'],
    [401, 1200, 'Request was not authenticated properly'],
    [404, 1300, 'Flow not found'],
    [500, 2000, 'Internal server error'],
  ])("passes 8x8's %i with its body untouched", async (status, code, message) => {
    const upstreamBody = eightByEightError(code, message)
    const { app, log } = buildApp(fakeUpstream(() => json(upstreamBody, status)).fetch)

    const response = await app.request(deleteUrl, deleteInit)

    expect(response.status).toBe(status)
    expect(await response.json()).toEqual(upstreamBody)
    expect(log.text()).toContain(upstreamBody.errorId)
  })

  it("passes 8x8's 429 with its Retry-After", async () => {
    const upstreamBody = eightByEightError(1010, 'Too many requests')
    const { app } = buildApp(fakeUpstream(() => json(upstreamBody, 429, { 'retry-after': '7' })).fetch)

    const response = await app.request(deleteUrl, deleteInit)

    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(await response.json()).toEqual(upstreamBody)
  })

  it('turns an HTML 500 into a 502 with a proxy errorId that is also logged', async () => {
    const html = () => new Response('<html><body>Bad gateway</body></html>', { status: 500, headers: { 'content-type': 'text/html' } })
    const { app, log } = buildApp(fakeUpstream(html).fetch)

    const response = await app.request(deleteUrl, deleteInit)
    const body = await readError(response)

    expect(response.status).toBe(502)
    expect(body).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', source: 'proxy' })
    expect(body.message).toContain('HTTP 500')
    expect(body.errorId).toMatch(uuid)
    expect(log.lines.find((line) => line.includes(body.errorId))).toContain('"level":50')
  })

  it('turns a JSON error without 8x8 fields into a 502', async () => {
    const { app } = buildApp(fakeUpstream(() => json({ error: 'nope' }, 503)).fetch)
    const response = await app.request(deleteUrl, deleteInit)
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', source: 'proxy' })
  })

  it('refuses to follow a redirect, which would carry the key elsewhere', async () => {
    const redirect = () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/' } })
    const upstream = fakeUpstream(redirect)
    const { app } = buildApp(upstream.fetch)

    const response = await app.request(deleteUrl, deleteInit)

    expect(response.status).toBe(502)
    expect(upstream.calls).toHaveLength(1)
    expect(upstream.calls[0].redirect).toBe('manual')
  })

  it('answers 504 with a logged errorId when 8x8 does not answer in time', async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
    const config = liveConfig({ timeoutMs: 100 })
    const { app, log } = buildApp(fakeUpstream(hang).fetch, config)

    const response = await app.request(deleteUrl, deleteInit)
    const body = await readError(response)

    expect(response.status).toBe(504)
    expect(body).toMatchObject({ code: 'UPSTREAM_TIMEOUT', source: 'proxy' })
    expect(body.message).toContain('100 ms')
    expect(log.text()).toContain(body.errorId)
  })

  it('answers 502 when 8x8 refuses the connection', async () => {
    const port = await freePortThatRefuses()
    const config = liveConfig({ baseUrl: `http://127.0.0.1:${port}` })
    const { app, log } = buildApp(globalThis.fetch, config)

    const response = await app.request(deleteUrl, deleteInit)
    const body = await readError(response)

    expect(response.status).toBe(502)
    expect(body).toMatchObject({ code: 'UPSTREAM_UNREACHABLE', source: 'proxy' })
    expect(log.text()).toContain(body.errorId)
    expect(log.text()).toContain('ECONNREFUSED')
  })
})

describe("the proxy keeps under 8x8's rate limit", () => {
  it('answers 429 RATE_LIMITED with Retry-After once the minute is spent, without calling 8x8', async () => {
    const upstream = fakeUpstream(() => json({ templates: [] }))
    const { app } = buildApp(upstream.fetch, liveConfig(), { rateLimiter: createRateLimiter({ perMinute: 1, maxWaitMs: 0 }) })
    expect((await app.request(`${flowsUrl.replace(/\/flows$/, '')}/templates`)).status).toBe(200)

    const response = await app.request(flowsUrl)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('60')
    expect(await response.json()).toMatchObject({ code: 'RATE_LIMITED', source: 'proxy' })
    expect(upstream.calls).toHaveLength(1)
  })
})

describe('ids are checked before anything reaches 8x8', () => {
  it.each([
    ['a malformed account id', `/api/v1/accounts/not-an-account/channels/${channelId}/flows`, 'GET', 400],
    ['a malformed channel id', `/api/v1/accounts/${accountId}/channels/bad%20id/flows`, 'GET', 400],
    ['an unconfigured account', `/api/v1/accounts/11111111-2222-4333-8444-555555555555/channels/${channelId}/flows`, 'GET', 404],
    ['an unconfigured channel', `/api/v1/accounts/${accountId}/channels/abc-123/flows`, 'GET', 404],
    ['a flow id with an encoded slash', `${flowsUrl}/..%2F..%2Fwebhooks`, 'DELETE', 400],
    ['a flow id with spaces', `${flowsUrl}/12%2034`, 'DELETE', 400],
    ['a flow id with unicode', `${flowsUrl}/%E2%80%AE123`, 'DELETE', 400],
    ['a huge flow id', `${flowsUrl}/${'9'.repeat(5000)}`, 'DELETE', 400],
    ['an unknown API route', `/api/v1/accounts/${accountId}/webhooks`, 'GET', 404],
  ])('%s gets a JSON %i', async (_label, path, method, status) => {
    const upstream = fakeUpstream(() => json({ flows: [] }))
    const { app } = buildApp(upstream.fetch)

    const response = await app.request(path, { method, headers: deleteInit.headers })

    expect(response.status).toBe(status)
    expect(isErrorBody(await response.json())).toBe(true)
    expect(upstream.calls).toHaveLength(0)
  })

  it('accepts the account id without dashes and calls 8x8 with the configured form', async () => {
    const upstream = fakeUpstream(() => json({ flows: [] }))
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(`/api/v1/accounts/${accountId.replaceAll('-', '').toUpperCase()}/channels/${channelId}/flows`)
    expect(response.status).toBe(200)
    expect(upstream.calls[0].url).toContain(`/accounts/${accountId}/`)
  })
})

describe('state-changing requests from other sites are refused', () => {
  const deleteUrl = `${flowsUrl}/1620387745519023`
  // A loopback Host: with AUTH_MODE=none any other is refused before the Origin check (see host-check.test.ts).
  const host = '127.0.0.1:8080'

  it.each([
    ['another Origin', { origin: 'https://evil.example', host, ...deleteInit.headers }],
    ['Origin: null', { origin: 'null', host, ...deleteInit.headers }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', host, ...deleteInit.headers }],
    ['a same-host Origin but cross-site fetch metadata', { origin: `https://${host}`, 'sec-fetch-site': 'cross-site', host, ...deleteInit.headers }],
    ['no X-Requested-With (a cross-site form could send this)', { origin: `https://${host}`, host }],
  ])('%s gets 403 and never reaches 8x8', async (_label, headers) => {
    const upstream = fakeUpstream(() => new Response(null, { status: 200 }))
    const { app } = buildApp(upstream.fetch)

    const response = await app.request(`http://${host}${deleteUrl}`, { method: 'DELETE', headers })

    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN_ORIGIN', source: 'proxy' })
    expect(upstream.calls).toHaveLength(0)
  })

  it.each([
    ['its own Origin', { origin: `https://${host}`, 'sec-fetch-site': 'same-origin', host, ...deleteInit.headers }],
    ['no Origin (not a browser)', { host, ...deleteInit.headers }],
  ])('%s is let through', async (_label, headers) => {
    const upstream = fakeUpstream(() => new Response(null, { status: 200 }))
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(`http://${host}${deleteUrl}`, { method: 'DELETE', headers })
    expect(response.status).toBe(200)
    expect(upstream.calls).toHaveLength(1)
  })

  it('lets reads from anywhere through: they change nothing', async () => {
    const upstream = fakeUpstream(() => json({ flows: [] }))
    const { app } = buildApp(upstream.fetch)
    const response = await app.request(flowsUrl, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })
    expect(response.status).toBe(200)
  })
})

describe('security headers', () => {
  it.each(['/healthz', '/api/config', '/api/nowhere'])('are on every response (%s)', async (path) => {
    const { app } = buildApp(fakeUpstream(() => json({})).fetch)
    const response = await app.request(path)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('health and configuration', () => {
  it('is ready before any call, stays ready while 8x8 answers (even with 4xx), degrades when it does not', async () => {
    let answer = () => json({ flows: [] })
    // Every list read reaches 8x8 (none reused).
    const { app } = buildApp(fakeUpstream(() => answer()).fetch, liveConfig({ listReuseMs: 0 }))

    expect(await (await app.request('/readyz')).json()).toMatchObject({ status: 'ready', upstream: { state: 'unknown' } })
    await app.request(flowsUrl)
    expect((await app.request('/readyz')).status).toBe(200)

    answer = () => json(eightByEightError(1200, 'Request was not authenticated properly'), 401)
    await app.request(flowsUrl)
    expect(await (await app.request('/readyz')).json()).toMatchObject({ status: 'ready', upstream: { state: 'answering', status: 401 } })

    answer = () => new Response('<h1>down</h1>', { status: 503 })
    await app.request(flowsUrl)
    const degraded = await app.request('/readyz')
    expect(degraded.status).toBe(503)
    expect(await degraded.json()).toMatchObject({ status: 'degraded', upstream: { state: 'failing', status: 502 } })
  })

  it('answers /healthz', async () => {
    const { app } = buildApp(fakeUpstream(() => json({})).fetch)
    const response = await app.request('/healthz')
    expect(response.status).toBe(200)
  })

  it('tells the browser the mode, account and channels, and nothing secret', async () => {
    const { app } = buildApp(fakeUpstream(() => json({})).fetch)
    const response = await app.request('/api/config')
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      mode: 'live',
      accountId,
      channels: [
        { id: channelId, name: 'Retail' },
        { id: 'e1d2c3b4-a596-4878-b9a0-c1d2e3f4a5b6', name: 'Support' },
      ],
      auth: 'none',
      operator: null,
      upstreamTimeoutMs: 1000,
      retentionDays: 90,
      keepsDeletedFlows: false,
      role: 'admin',
      refusals: {},
    })
    expect(text).not.toContain(testKey)
    expect(text).not.toContain(upstreamBase)
  })
})

describe('the API key never leaves the server process', () => {
  const scenarios: [string, (request: Request) => Response | Promise<Response>][] = [
    ['success', () => json({ flows: [{ id: '1', name: 'a', status: 'DRAFT' }] })],
    ['8x8 error that echoes the header back', (r) => json(eightByEightError(1200, `bad key ${r.headers.get('authorization')}`), 401)],
    ['8x8 error with the key in every field', () => json({ code: testKey, message: testKey, errorId: testKey, timestamp: testKey }, 400)],
    ['HTML error that echoes the header back', (r) => new Response(`<p>${r.headers.get('authorization')}</p>`, { status: 500 })],
    ['malformed success', (r) => json({ flows: [{ id: 5, name: r.headers.get('authorization') }] })],
    ['connection failure', () => Promise.reject(new TypeError('fetch failed'))],
  ]

  it.each(scenarios)('not in the response or the log on %s', async (_label, respond) => {
    const { app, log } = buildApp(fakeUpstream(respond).fetch)
    for (const [path, method] of [
      [flowsUrl, 'GET'],
      [`${flowsUrl}/1`, 'DELETE'],
      ['/api/config', 'GET'],
    ]) {
      const response = await app.request(path, { method, headers: deleteInit.headers })
      expectNoKey(response, await response.text(), log.text())
    }
  })
})
