import { describe, expect, it } from 'vitest'
import type { FlowList } from '../../shared/flow'
import { createRateLimiter } from '../upstream/resilience'
import { accountId, answerBackupReads, buildApp, channelId, fakeUpstream, flowsUrl, json, liveConfig, readError, until } from '../test-support'

// 8x8's budget (about 100 calls a minute per API key) is shared by page loads and changes. Reads of a
// channel's list and templates within a short window are served from what was just read; reads never
// take the share that changes need; a list refused for the budget comes with the last one read.

const templatesUrl = `/api/v1/accounts/${accountId}/channels/${channelId}/templates`
const listPath = flowsUrl // 8x8's path is the same as the proxy's
const deleteInit = { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } }
const refresh = { headers: { 'cache-control': 'no-cache' } }

/** A fake 8x8 with one channel of drafts; a delete removes the flow. Counts the list and template reads. */
function channel8x8(names = ['Old promo', 'Spring sale']) {
  let flows = names.map((name, n) => ({ id: String(1_000_000_000_000_001 + n), name, status: 'DRAFT', categories: ['OTHER'] }))
  const upstream = fakeUpstream(
    answerBackupReads((request) => {
      const { pathname } = new URL(request.url)
      if (request.method === 'DELETE') {
        flows = flows.filter((flow) => !pathname.endsWith(`/${flow.id}`))
        return new Response(null, { status: 204 })
      }
      if (pathname.endsWith('/templates')) return json({ templates: [] })
      return json({ flows })
    }),
  )
  const count = (ending: string) => upstream.calls.filter((call) => call.method === 'GET' && new URL(call.url).pathname.endsWith(ending)).length
  return { ...upstream, lists: () => count('/flows'), templateReads: () => count('/templates') }
}

const names = async (response: Response) => ((await response.json()) as FlowList).flows.map((flow) => flow.name)

describe('page loads and 8x8 budget', () => {
  it('reads of the same list and templates within a short window share one call to 8x8 each', async () => {
    const upstream = channel8x8()
    const { app } = buildApp(upstream.fetch, liveConfig({ listReuseMs: 10_000 }))
    for (let load = 0; load < 20; load++) {
      expect((await app.request(flowsUrl)).status).toBe(200)
      expect((await app.request(templatesUrl)).status).toBe(200)
    }
    expect(upstream.lists()).toBe(1)
    expect(upstream.templateReads()).toBe(1)
  })

  it('reads again once the window has passed', async () => {
    let now = 1_000_000
    const upstream = channel8x8()
    const { app } = buildApp(upstream.fetch, liveConfig({ listReuseMs: 10_000 }), { random: () => 0, now: () => now })
    await app.request(flowsUrl)
    now += 9_999
    await app.request(flowsUrl)
    expect(upstream.lists()).toBe(1)
    now += 2
    await app.request(flowsUrl)
    expect(upstream.lists()).toBe(2)
  })

  it("this instance's own change is seen at once: the next list is read anew", async () => {
    const upstream = channel8x8()
    const { app } = buildApp(upstream.fetch, liveConfig({ listReuseMs: 10_000 }))
    expect(await names(await app.request(flowsUrl))).toEqual(['Old promo', 'Spring sale'])
    expect((await app.request(`${flowsUrl}/1000000000000001`, deleteInit)).status).toBe(200)
    expect(await names(await app.request(flowsUrl))).toEqual(['Spring sale'])
    expect(upstream.lists()).toBe(2)
  })

  it('Refresh (Cache-Control: no-cache) reads anew', async () => {
    const upstream = channel8x8()
    const { app } = buildApp(upstream.fetch, liveConfig({ listReuseMs: 10_000 }))
    await app.request(flowsUrl)
    await app.request(flowsUrl, refresh)
    await app.request(templatesUrl)
    await app.request(templatesUrl, refresh)
    expect(upstream.lists()).toBe(2)
    expect(upstream.templateReads()).toBe(2)
  })

  it('a delete is never refused because reads used the budget', async () => {
    const upstream = channel8x8()
    const { app } = buildApp(upstream.fetch, liveConfig({ listReuseMs: 10_000 }), {
      random: () => 0,
      rateLimiter: createRateLimiter({ perMinute: 12, maxWaitMs: 0 }),
    })
    // An operator refreshing as fast as they can, and a page load every time.
    for (let load = 0; load < 30; load++) {
      await app.request(flowsUrl, refresh)
      await app.request(templatesUrl, refresh)
    }
    const deleted = await app.request(`${flowsUrl}/1000000000000001`, deleteInit)
    expect(deleted.status).toBe(200)
  })

  it('a list refused for the budget comes with the last list read, when it was read and why it is not newer', async () => {
    const upstream = channel8x8()
    const { app, log } = buildApp(upstream.fetch, liveConfig({ listReuseMs: 10_000 }), {
      random: () => 0,
      rateLimiter: createRateLimiter({ perMinute: 4, maxWaitMs: 0 }),
    })
    const first = await app.request(flowsUrl)
    expect(first.status).toBe(200)
    let refused: Response | undefined
    for (let load = 0; load < 10 && refused === undefined; load++) {
      const response = await app.request(flowsUrl, refresh)
      const body = (await response.clone().json()) as FlowList
      if (body.stale) refused = response
    }
    expect(refused?.status).toBe(200)
    const body = (await refused!.json()) as FlowList
    expect(body.flows.map((flow) => flow.name)).toEqual(['Old promo', 'Spring sale'])
    expect(body.stale).toMatchObject({ code: 'RATE_LIMITED', readAt: expect.any(String) })
    expect(Date.parse(body.stale!.readAt)).not.toBeNaN()
    // Support finds its Error ID in the log (and in the lookup, where there is a store).
    expect(log.text()).toContain(body.stale!.errorId)
  })

  it("after this instance's own change, a refused list is the refusal: the list from before the change is not offered", async () => {
    const upstream = channel8x8()
    const { app } = buildApp(upstream.fetch, liveConfig({ listReuseMs: 10_000 }), {
      random: () => 0,
      rateLimiter: createRateLimiter({ perMinute: 4, maxWaitMs: 0 }),
    })
    await app.request(flowsUrl)
    await app.request(flowsUrl, refresh)
    // The reads' 3 of 4 are spent; the delete (no store here, so no copy) takes the one kept for changes.
    await app.request(flowsUrl, refresh)
    expect((await app.request(`${flowsUrl}/1000000000000001`, deleteInit)).status).toBe(200)
    const after = await app.request(flowsUrl)
    expect(after.status).toBe(429)
    expect(await readError(after)).toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('a list refused for the budget with none read before is the refusal itself', async () => {
    const upstream = channel8x8()
    const { app } = buildApp(upstream.fetch, liveConfig({ listReuseMs: 10_000 }), {
      random: () => 0,
      rateLimiter: createRateLimiter({ perMinute: 1, maxWaitMs: 0 }),
    })
    await app.request(templatesUrl)
    const response = await app.request(flowsUrl)
    expect(response.status).toBe(429)
    expect(await readError(response)).toMatchObject({ code: 'RATE_LIMITED' })
    expect(upstream.lists()).toBe(0)
  })
})

describe('reading while changing', () => {
  it('a list read that began before a change ended is not reused after it', async () => {
    let release: (() => void) | undefined
    const upstream = channel8x8()
    // The first list is read at 8x8 at once, and its answer arrives only when released.
    const slowList = fakeUpstream(async (request) => {
      const answer = await upstream.fetch(request)
      if (request.method === 'GET' && new URL(request.url).pathname === listPath && release === undefined) {
        await new Promise<void>((resolve) => (release = resolve))
      }
      return answer
    })
    const { app } = buildApp(slowList.fetch, liveConfig({ listReuseMs: 10_000 }))
    const before = Promise.resolve(app.request(flowsUrl))
    await until(() => release !== undefined)
    // The delete runs while the list is on its way; the list arrives after it, with the flow still in it.
    const listAnswered = before.then(names)
    expect((await app.request(`${flowsUrl}/1000000000000001`, deleteInit)).status).toBe(200)
    release!()
    expect(await listAnswered).toEqual(['Old promo', 'Spring sale'])
    expect(await names(await app.request(flowsUrl))).toEqual(['Spring sale'])
  })
})
