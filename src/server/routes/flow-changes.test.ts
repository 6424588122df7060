import { describe, expect, it } from 'vitest'
import { buildApp, fakeUpstream, flowsUrl, json, liveConfig, readError, until } from '../test-support'

const flowId = '1620387745519023'
const flowUrl = `${flowsUrl}/${flowId}`
const change = (method: 'DELETE' | 'POST') => ({ method, headers: { 'x-requested-with': 'XMLHttpRequest' } })

/** A fake 8x8 that holds every call until `release()`. */
function heldUpstream() {
  const releases: (() => void)[] = []
  const upstream = fakeUpstream(
    () =>
      new Promise<Response>((resolve) => {
        releases.push(() => resolve(new Response(null, { status: 204 })))
      }),
  )
  return { ...upstream, release: () => releases.splice(0).forEach((release) => release()) }
}

describe('one change to a flow at a time', () => {
  it.each([
    ['a second delete', change('DELETE'), flowUrl],
    ['a deprecate', change('POST'), `${flowUrl}/deprecate`],
  ])('refuses %s of a flow whose delete is still with 8x8: 409, never sent, not audited', async (_label, init, url) => {
    const upstream = heldUpstream()
    const { app, audit } = buildApp(upstream.fetch)

    const first = app.request(flowUrl, change('DELETE'))
    await until(() => upstream.calls.length === 1)
    const second = await app.request(url, init)

    expect(second.status).toBe(409)
    expect(await readError(second)).toMatchObject({ code: 'CHANGE_IN_PROGRESS', source: 'proxy' })
    upstream.release()
    expect((await first).status).toBe(200)
    expect(upstream.calls).toHaveLength(1)
    expect(audit.entries.map((entry) => entry.phase)).toEqual(['attempt', 'outcome'])
  })

  it('lets the next change through once the first has its answer, and does not hold other flows', async () => {
    const upstream = heldUpstream()
    const { app } = buildApp(upstream.fetch)
    const first = app.request(flowUrl, change('DELETE'))
    const other = app.request(`${flowsUrl}/1620387745519024`, change('DELETE'))
    await until(() => upstream.calls.length === 2)
    upstream.release()
    expect([(await first).status, (await other).status]).toEqual([200, 200])

    const again = app.request(flowUrl, change('DELETE'))
    await until(() => upstream.calls.length === 3)
    upstream.release()
    expect((await again).status).toBe(200)
  })
})

describe('the audit outcome of a failure the server made', () => {
  it.each([
    ['no answer in time', 'UPSTREAM_TIMEOUT', 'unknown', (request: Request) => new Promise<Response>((_r, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))],
    ['an answer that is not 8x8', 'UPSTREAM_BAD_RESPONSE', 'failed', () => new Response('<html>oops</html>', { status: 500, headers: { 'content-type': 'text/html' } })],
    ['no connection', 'UPSTREAM_UNREACHABLE', 'failed', () => Promise.reject(new TypeError('fetch failed'))],
  ])('has the Error ID the operator was shown: %s', async (_label, code, result, respond) => {
    const { app, audit } = buildApp(fakeUpstream(respond).fetch, liveConfig({ timeoutMs: 100 }), { random: () => 0, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    const response = await app.request(flowUrl, change('DELETE'))
    const body = await readError(response)
    expect(body.code).toBe(code)
    const outcome = audit.entries.find((entry) => entry.phase === 'outcome')
    expect(outcome).toMatchObject({ result, code, errorId: body.errorId })
  })
})

describe('a create that 8x8 does not answer in time', () => {
  it('is sent once, never retried, answers 504 UPSTREAM_TIMEOUT and is audited as unknown (the draft may exist)', async () => {
    const upstream = fakeUpstream((request) => new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))))
    const { app, audit } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 100 }), { random: () => 0, retry: { attempts: 3, baseMs: 1, capMs: 1 } })
    const response = await app.request(flowsUrl, {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Spring survey', categories: ['SURVEY'], flowJson: '{"version":"7.3","screens":[]}' }),
    })
    expect(response.status).toBe(504)
    const body = await readError(response)
    expect(body.code).toBe('UPSTREAM_TIMEOUT')
    expect(upstream.calls.filter((call) => call.method === 'POST')).toHaveLength(1)
    expect(audit.entries.find((entry) => entry.phase === 'outcome')).toMatchObject({ action: 'flow.create', result: 'unknown', errorId: body.errorId, flowName: 'Spring survey' })
  })
})

describe('a second create after one that 8x8 did not confirm', () => {
  const createInit = (name: string) => ({
    method: 'POST',
    headers: { 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' },
    body: JSON.stringify({ name, categories: ['SURVEY'], flowJson: '{"version":"7.3","screens":[]}' }),
  })
  /** 8x8 makes the draft (`name`) but never answers the first create; the list then shows it. */
  function madeButSilent(name = 'Spring survey') {
    const made: { id: string; name: string; status: string }[] = []
    return fakeUpstream((request) => {
      if (request.method === 'GET') return json({ flows: made })
      if (made.length === 0) {
        made.push({ id: '1700000000000001', name, status: 'DRAFT' })
        return new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
      }
      return json({ id: '1700000000000002', success: true })
    })
  }

  it('is refused with 409 CREATE_NOT_CONFIRMED naming the draft the first one made, and never sent', async () => {
    const upstream = madeButSilent()
    const { app } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 100 }), { random: () => 0, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    expect((await app.request(flowsUrl, createInit('Spring survey'))).status).toBe(504)
    const second = await app.request(flowsUrl, createInit('Spring survey'))
    expect(second.status).toBe(409)
    expect(await readError(second)).toMatchObject({ code: 'CREATE_NOT_CONFIRMED', message: expect.stringContaining('1700000000000001') })
    expect(upstream.calls.filter((call) => call.method === 'POST')).toHaveLength(1)
  })

  it.each([
    ['in other case', 'Spring survey', 'SPRING Survey'],
    ['with spaces around and inside it', 'Spring survey', '  Spring  survey '],
    ['in another Unicode form', 'Caf\u00e9 survey', 'Cafe\u0301 survey'],
  ])('is refused when the second name is the same %s', async (_label, first, second) => {
    const upstream = madeButSilent(first)
    const { app } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 100 }), { random: () => 0, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    expect((await app.request(flowsUrl, createInit(first))).status).toBe(504)
    const twin = await app.request(flowsUrl, createInit(second))
    expect(twin.status).toBe(409)
    expect(await readError(twin)).toMatchObject({ code: 'CREATE_NOT_CONFIRMED' })
    expect(upstream.calls.filter((call) => call.method === 'POST')).toHaveLength(1)
  })

  it('the same name in another form, created at the same moment, waits for the first (one change per name)', async () => {
    const releases: (() => void)[] = []
    const upstream = fakeUpstream((request) =>
      request.method === 'GET' ? json({ flows: [] }) : new Promise<Response>((resolve) => releases.push(() => resolve(json({ id: '1700000000000003', success: true })))),
    )
    const { app } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 5000 }))
    const first = app.request(flowsUrl, createInit('Café survey'))
    await until(() => releases.length === 1)
    const second = await app.request(flowsUrl, createInit('CAFE\u0301 SURVEY'))
    expect(second.status).toBe(409)
    expect(await readError(second)).toMatchObject({ code: 'CHANGE_IN_PROGRESS' })
    releases.forEach((release) => release())
    expect((await first).status).toBe(201)
  })

  it('lets another name through', async () => {
    const upstream = madeButSilent()
    const { app } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 100 }), { random: () => 0, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    await app.request(flowsUrl, createInit('Spring survey'))
    expect((await app.request(flowsUrl, createInit('Spring survey v2'))).status).toBe(201)
  })
})
