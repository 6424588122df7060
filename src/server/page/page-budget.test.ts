import { describe, expect, it } from 'vitest'
import { accountId, channelId } from '../test-support'
import { createRateLimiter } from '../upstream/resilience'
import { pageApp, stateOf } from './page-test-support'

// Page loads cost 8x8 one read of the list and templates per window, not two calls each; a reload's
// Cache-Control does not change that (only the app's Refresh reads anew), and a page the budget
// refuses shows the last list read, with why.

const page = `/accounts/${accountId}/channels/${channelId}/flows`
const listKey = JSON.stringify(['flows', 'list', { accountId, channelId }])
const asProxied = { 'x-forwarded-user': 'dana@example.com' }
const calls = (upstream: ReturnType<typeof pageApp>['upstream'], ending: string) => upstream.calls.filter((call) => new URL(call.url).pathname.endsWith(ending)).length

describe("page loads and 8x8's budget", () => {
  it('thirty page loads in a row, reloads among them, read the list and templates from 8x8 once each', async () => {
    const { app, upstream } = pageApp('10.0.0.5')
    for (let load = 0; load < 30; load++) {
      // F5 sends max-age=0, Ctrl+F5 no-cache: neither is the app's Refresh.
      const reload: Record<string, string> = load % 3 === 1 ? { 'cache-control': 'max-age=0' } : load % 3 === 2 ? { 'cache-control': 'no-cache', pragma: 'no-cache' } : {}
      const response = await app.request(page, { headers: { ...asProxied, ...reload } })
      expect(await response.text()).toContain('Live draft')
    }
    expect(calls(upstream, '/flows')).toBe(1)
    expect(calls(upstream, '/templates')).toBe(1)
  })

  it('a page the budget refuses shows the last list read, and sends why with it', async () => {
    let now = 1_000_000
    const clock = () => now
    const { app, upstream } = pageApp('10.0.0.5', {}, { now: clock, rateLimiter: createRateLimiter({ perMinute: 8, maxWaitMs: 0, now: clock }) })
    // A page load every 11 s, past the 10 s window each time (two reads each): reads may take 6 of the minute's 8 calls.
    const loads: (string | undefined)[] = []
    for (let load = 0; load < 4; load++) {
      const html = await (await app.request(page, { headers: asProxied })).text()
      expect(html).toContain('Live draft')
      const list = stateOf(html)!.queries.find((query) => JSON.stringify(query.queryKey) === listKey)?.state.data as { stale?: { code: string } } | undefined
      loads.push(list?.stale?.code)
      now += 11_000
    }
    // Three read the list and templates; the fourth is refused, and shows the third's list.
    expect(loads).toEqual([undefined, undefined, undefined, 'RATE_LIMITED'])
    expect(calls(upstream, '/flows')).toBe(3)
  })
})
