import { describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { loadConfig, type ServerConfig } from '../config'
import { createUpstreamClient } from '../upstream/client'
import { fakeUpstream, flowsUrl, json, liveConfig, memoryAudit, memoryLog, readError } from '../test-support'

const flowUrl = `${flowsUrl}/1620387745519023`

function appOn(config: ServerConfig, port?: number) {
  const upstream = fakeUpstream(() => json({ flows: [] }))
  const app = createApp({
    config,
    upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch }),
    logger: memoryLog().logger,
    audit: memoryAudit(),
    listeningPort: () => port,
  })
  return { app, upstream }
}

/** What a page on attacker.example sends once its name resolves to 127.0.0.1 (DNS rebinding). */
const rebound = (origin: string) => ({ origin, 'sec-fetch-site': 'same-origin', 'x-requested-with': 'XMLHttpRequest' })

describe('Host check with AUTH_MODE=none (loopback only)', () => {
  it.each([
    ['GET', flowsUrl],
    ['DELETE', flowUrl],
    ['GET', '/'],
    ['GET', '/assets/index.js'],
    ['GET', '/api/config'],
  ])('refuses a rebound name: %s %s gets 421 and nothing reaches 8x8', async (method, path) => {
    const { app, upstream } = appOn(liveConfig(), 8080)
    const response = await app.request(`http://attacker.example:8080${path}`, { method, headers: rebound('http://attacker.example:8080') })
    expect(response.status).toBe(421)
    expect(await readError(response)).toMatchObject({ code: 'MISDIRECTED_HOST', source: 'proxy' })
    expect(upstream.calls).toHaveLength(0)
  })

  it.each(['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST:8080'])('accepts %s', async (host) => {
    const { app, upstream } = appOn(liveConfig(), 8080)
    const response = await app.request(`http://${host}${flowsUrl}`)
    expect(response.status).toBe(200)
    expect(upstream.calls).toHaveLength(1)
  })

  it('refuses a loopback name with another port than the one the server listens on', async () => {
    const { app } = appOn(liveConfig(), 8080)
    expect((await app.request(`http://127.0.0.1:9999${flowsUrl}`)).status).toBe(421)
  })

  it('keeps the health checks answering whatever the Host', async () => {
    const { app } = appOn(liveConfig(), 8080)
    expect((await app.request('http://10.0.0.7:8080/healthz')).status).toBe(200)
    expect((await app.request('http://10.0.0.7:8080/readyz')).status).toBe(200)
  })
})

describe('Host check with ALLOWED_HOSTS (AUTH_MODE basic or header)', () => {
  const config = (): ServerConfig => ({
    ...liveConfig(),
    auth: { mode: 'header', header: 'X-Forwarded-User', trustedProxies: ['127.0.0.1'] },
    allowedHosts: ['flows-admin.example.com', 'admin.internal:8443'],
  })
  const peer = { 'x-forwarded-user': 'dana' }

  it('accepts only the listed hosts (any port for a name listed without one)', async () => {
    const { app } = appOn(config(), 8080)
    const ask = (host: string) => app.request(`http://${host}/api/config`, { headers: peer })
    // The trusted proxy's address comes from remoteAddress, which this app does not have: 403 means past the Host check.
    expect((await ask('flows-admin.example.com')).status).toBe(403)
    expect((await ask('admin.internal:8443')).status).toBe(403)
    expect((await ask('admin.internal:9000')).status).toBe(421)
    expect((await ask('attacker.example')).status).toBe(421)
  })

  it.each([
    [{ ALLOWED_HOSTS: 'flows-admin.example.com', AUTH_MODE: 'none' }, /^ALLOWED_HOSTS: is for AUTH_MODE basic or header/],
    [{ ALLOWED_HOSTS: 'https://flows-admin.example.com', AUTH_MODE: 'header', TRUSTED_PROXIES: '10.0.0.5' }, /^ALLOWED_HOSTS: "https:\/\/flows-admin\.example\.com" is not a host name/],
    [{ ALLOWED_HOSTS: 'a.example:99999', AUTH_MODE: 'header', TRUSTED_PROXIES: '10.0.0.5' }, /^ALLOWED_HOSTS: "a\.example:99999" is not a host name/],
  ])('is checked at start-up: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('is read at start-up, lower-cased', () => {
    const loaded = loadConfig({ ALLOWED_HOSTS: ' Flows-Admin.example.com , [2001:db8::1]:8443', AUTH_MODE: 'header', TRUSTED_PROXIES: '10.0.0.5' })
    expect(loaded.allowedHosts).toEqual(['flows-admin.example.com', '[2001:db8::1]:8443'])
  })
})
