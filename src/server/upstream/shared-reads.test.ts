import { describe, expect, it } from 'vitest'
import { buildApp, fakeUpstream, flowsUrl, json, liveConfig, until } from '../test-support'

/** A fake 8x8 whose answers wait until `release()`. */
function heldUpstream() {
  const waiting: (() => void)[] = []
  const upstream = fakeUpstream(
    (request) =>
      new Promise<Response>((resolve) => {
        waiting.push(() => resolve(request.method === 'GET' ? json({ flows: [{ id: '1620387745519023', name: 'Old promo', status: 'DRAFT' }] }) : new Response(null, { status: 204 })))
      }),
  )
  return { ...upstream, release: () => waiting.splice(0).forEach((answer) => answer()) }
}

describe('identical reads in flight share one call to 8x8', () => {
  it('20 concurrent identical list requests: 1 upstream call, 20 answers', async () => {
    const upstream = heldUpstream()
    const { app } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 5000 }))
    const answers = Array.from({ length: 20 }, () => app.request(`${flowsUrl}?limit=1000`))
    await until(() => upstream.calls.length > 0)
    await new Promise((resolve) => setTimeout(resolve, 20))
    upstream.release()
    const responses = await Promise.all(answers)
    expect(upstream.calls).toHaveLength(1)
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(await responses[19].json()).toEqual({ flows: [{ id: '1620387745519023', name: 'Old promo', status: 'DRAFT' }] })
  })

  it('different queries are different reads', async () => {
    const upstream = heldUpstream()
    const { app } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 5000 }))
    const answers = [app.request(`${flowsUrl}?limit=1000`), app.request(`${flowsUrl}?limit=10`)]
    await until(() => upstream.calls.length === 2)
    upstream.release()
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([200, 200])
  })

  it('a read that arrives after a write to the channel began is not answered from a read that started before it', async () => {
    const upstream = heldUpstream()
    const { app } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 5000 }))
    const before = app.request(flowsUrl)
    await until(() => upstream.calls.length === 1)
    const write = app.request(`${flowsUrl}/1620387745519023`, { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } })
    await until(() => upstream.calls.length === 2)
    const after = app.request(flowsUrl)
    await until(() => upstream.calls.length === 3)
    upstream.release()
    await until(() => upstream.calls.length === 3)
    upstream.release()
    expect([(await before).status, (await write).status, (await after).status]).toEqual([200, 200, 200])
    expect(upstream.calls.map((call) => call.method)).toEqual(['GET', 'DELETE', 'GET'])
  })

  it('a caller that goes away leaves the others their answer; the call ends when the last one leaves', async () => {
    const upstream = heldUpstream()
    const { app, log } = buildApp(upstream.fetch, liveConfig({ timeoutMs: 5000, listReuseMs: 0 }))
    const leaving = new AbortController()
    const gone = Promise.resolve(app.request(flowsUrl, { signal: leaving.signal })).catch(() => undefined)
    const staying = app.request(flowsUrl)
    await until(() => upstream.calls.length === 1)
    leaving.abort()
    await gone
    upstream.release()
    expect((await staying).status).toBe(200)
    expect(upstream.calls).toHaveLength(1)

    const lastOne = new AbortController()
    const alone = Promise.resolve(app.request(flowsUrl, { signal: lastOne.signal })).catch(() => undefined)
    await until(() => upstream.calls.length === 2)
    lastOne.abort()
    await alone
    await until(() => upstream.calls[1].signal.aborted)
    expect(log.text()).not.toContain('UPSTREAM_UNREACHABLE')
  })
})
