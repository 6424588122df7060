import { describe, expect, it } from 'vitest'
import { buildApp, eightByEightError, fakeUpstream, flowsUrl, json, liveConfig, readError } from '../test-support'

const deleteInit = (flowName?: string) => ({
  method: 'DELETE',
  headers: { 'x-requested-with': 'XMLHttpRequest', ...(flowName ? { 'x-flow-name': encodeURIComponent(flowName) } : {}) },
})

describe('deletes are audited', () => {
  it('writes the attempt before calling 8x8 and the outcome after, with who, what and where', async () => {
    const upstream = fakeUpstream(() => new Response(null, { status: 200 }))
    const { app, audit } = buildApp(upstream.fetch)
    const response = await app.request(`${flowsUrl}/1620387745519023`, deleteInit('Old promo “v2”'))

    expect(response.status).toBe(200)
    const [attempt, outcome] = audit.entries
    expect(attempt).toMatchObject({ phase: 'attempt', action: 'flow.delete', flowId: '1620387745519023', flowName: 'Old promo “v2”' })
    expect(outcome).toMatchObject({ phase: 'outcome', result: 'deleted', status: 200, requestId: attempt.requestId })
    expect(outcome.requestId).toBe(response.headers.get('x-request-id'))
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0)
    expect(outcome.operator).toBeNull()
  })

  it.each([
    ['refused', () => json(eightByEightError(1000, 'Flow must be in DRAFT status'), 400), { status: 400, code: 1000, errorId: eightByEightError(0, '').errorId }],
    ['failed', () => json(eightByEightError(2000, 'Internal server error'), 500), { status: 500, code: 2000, errorId: eightByEightError(0, '').errorId }],
    ['failed', () => new Response('<h1>oops</h1>', { status: 500 }), { status: 502, code: 'UPSTREAM_BAD_RESPONSE' }],
  ])('records an 8x8 answer as %s, with its code and errorId', async (result, respond, expected) => {
    const { app, audit } = buildApp(fakeUpstream(respond).fetch)
    const response = await app.request(`${flowsUrl}/1`, deleteInit())
    expect(response.status).toBe(expected.status)
    expect(audit.entries[1]).toMatchObject({ phase: 'outcome', result, ...expected })
  })

  it('records a timeout as unknown: the flow may or may not be gone', async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))
    const { app, audit } = buildApp(fakeUpstream(hang).fetch, liveConfig({ timeoutMs: 100 }))
    expect((await app.request(`${flowsUrl}/1`, deleteInit())).status).toBe(504)
    expect(audit.entries[1]).toMatchObject({ result: 'unknown', code: 'UPSTREAM_TIMEOUT' })
  })

  it('refuses the delete, without calling 8x8, when the audit log cannot be written', async () => {
    const upstream = fakeUpstream(() => new Response(null, { status: 200 }))
    const { app, audit } = buildApp(upstream.fetch)
    audit.failing = true

    const response = await app.request(`${flowsUrl}/1`, deleteInit())

    expect(response.status).toBe(503)
    expect(await readError(response)).toMatchObject({ code: 'AUDIT_UNAVAILABLE', source: 'proxy' })
    expect(upstream.calls).toHaveLength(0)
  })

  it('lists the channel’s recent outcomes, newest first', async () => {
    const { app } = buildApp(fakeUpstream(() => new Response(null, { status: 200 })).fetch)
    await app.request(`${flowsUrl}/1`, deleteInit('First'))
    await app.request(`${flowsUrl}/2`, deleteInit('Second'))

    const response = await app.request(flowsUrl.replace(/flows$/, 'audit'))
    const { entries } = (await response.json()) as { entries: { flowName: string; phase: string }[] }
    expect(entries.map((e) => e.flowName)).toEqual(['Second', 'First'])
    expect(entries.every((e) => e.phase === 'outcome')).toBe(true)
  })
})
