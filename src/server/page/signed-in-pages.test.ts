import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app'
import type { AuthConfig, ServerConfig } from '../config'
import { spa } from '../spa'
import { accountId, channelId, fakeUpstream, json, liveConfig, memoryAudit, memoryLog } from '../test-support'
import { createUpstreamClient } from '../upstream/client'

// A page the server renders reads the list through the server's own API with the page request's
// headers: the sign-in modes and the Host check apply to it as to the API, and the list is never read
// for someone who may not see it.

const auth: AuthConfig = { mode: 'header', header: 'X-Forwarded-User', trustedProxies: ['10.0.0.5'] }
const page = `/accounts/${accountId}/channels/${channelId}/flows`

function pageApp(remoteAddress: string, overrides: Partial<ServerConfig> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-pages-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body><div id="root"><!--app-html--></div></body></html>')
  const config: ServerConfig = { ...liveConfig(), auth, ...overrides }
  const upstream = fakeUpstream((request) =>
    new URL(request.url).pathname.endsWith('/flows') ? json({ flows: [{ id: '1444000000000001', name: 'Live draft', status: 'DRAFT' }] }) : json({ templates: [] }),
  )
  const app = createApp({
    config,
    upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch }),
    logger: memoryLog().logger,
    audit: memoryAudit(),
    remoteAddress: () => remoteAddress,
    spa: spa(dir, { home: { accountId, channelId } }),
  })
  return { app, upstream }
}

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
