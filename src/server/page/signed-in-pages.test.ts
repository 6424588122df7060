import { describe, expect, it } from 'vitest'
import { accountId, channelId } from '../test-support'
import { pageApp } from './page-test-support'

// A page the server renders reads the list through the server's own API with the page request's
// headers: the sign-in modes and the Host check apply to it as to the API, and the list is never read
// for someone who may not see it.

const page = `/accounts/${accountId}/channels/${channelId}/flows`

describe('a page rendered by the server, behind a sign-in proxy (AUTH_MODE=header)', () => {
  it("renders the rows for the operator the proxy names, read with the page's identity", async () => {
    const { app, upstream } = pageApp('10.0.0.5')
    const response = await app.request(page, { headers: { 'x-forwarded-user': 'dana@example.com' } })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Live draft')
    expect(html).toContain('dana@example.com')
    expect(upstream.calls.map((call) => new URL(call.url).pathname)).toContain(`/api/v1/accounts/${accountId}/channels/${channelId}/flows`)
  })

  it('refuses the page to a request without an identity, or not from the proxy, and reads nothing from 8x8', async () => {
    const unnamed = pageApp('10.0.0.5')
    expect((await unnamed.app.request(page)).status).toBe(401)
    const stranger = pageApp('203.0.113.7')
    expect((await stranger.app.request(page, { headers: { 'x-forwarded-user': 'dana@example.com' } })).status).toBe(403)
    expect([...unnamed.upstream.calls, ...stranger.upstream.calls]).toEqual([])
  })

  it('refuses a page asked for under a host name it does not serve, as the API is', async () => {
    const { app, upstream } = pageApp('10.0.0.5', { allowedHosts: ['flows.example.com'] })
    const response = await app.request(`http://rebound.example.net${page}`, { headers: { 'x-forwarded-user': 'dana@example.com' } })
    expect(response.status).toBe(421)
    expect(upstream.calls).toEqual([])
  })
})
