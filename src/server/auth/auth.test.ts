import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { loadConfig, type AuthConfig, type ServerConfig } from '../config'
import { createUpstreamClient } from '../upstream/client'
import { fakeUpstream, flowsUrl, json, liveConfig, memoryAudit, memoryLog } from '../test-support'
import { parseOperators } from './operators-file'
import { decoyHash, hashPassword, isPasswordHash, verifyPassword } from './password'

const password = 'correct horse battery staple'
let danaHash: string

beforeAll(async () => {
  danaHash = await hashPassword(password)
})

const basicHeader = (name: string, secret: string) => `Basic ${Buffer.from(`${name}:${secret}`).toString('base64')}`

function appWith(auth: AuthConfig, remoteAddress = '203.0.113.7') {
  const config: ServerConfig = { ...liveConfig(), auth }
  const upstream = fakeUpstream(() => json({ flows: [] }))
  const log = memoryLog()
  const app = createApp({
    config,
    upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch }),
    logger: log.logger,
    audit: memoryAudit(),
    remoteAddress: () => remoteAddress,
  })
  return { app, log, upstream }
}

describe('passwords', () => {
  it('hash with scrypt and a fresh salt, and verify only the right password', async () => {
    expect(isPasswordHash(danaHash)).toBe(true)
    expect(danaHash).not.toBe(await hashPassword(password))
    expect(await verifyPassword(password, danaHash)).toBe(true)
    expect(await verifyPassword(`${password} `, danaHash)).toBe(false)
    expect(await verifyPassword(password, 'plain-text')).toBe(false)
  })

  it('the decoy used for unknown names matches nothing', async () => {
    expect(isPasswordHash(decoyHash)).toBe(true)
    expect(await verifyPassword('', decoyHash)).toBe(false)
  })
})

describe('OPERATORS_FILE', () => {
  it('reads name:hash lines, skipping blanks and comments', () => {
    const operators = parseOperators(`# operators\n\ndana:${danaHash}\nli.wei@example.com:${danaHash}\n`, 'ops')
    expect([...operators.keys()]).toEqual(['dana', 'li.wei@example.com'])
  })

  it.each([
    ['bad name:x', /^ops line 1: the operator name/],
    ['dana:not-a-hash', /^ops line 1: expected name:hash/],
    ['', /^ops: lists no operators$/],
  ])('refuses %j, naming the line and never the hash', (text, message) => {
    expect(() => parseOperators(text, 'ops')).toThrow(message)
  })

  it('refuses a name listed twice', () => {
    expect(() => parseOperators(`dana:${danaHash}\ndana:${danaHash}`, 'ops')).toThrow('ops line 2: operator "dana" is listed twice')
  })
})

describe('AUTH_MODE configuration', () => {
  it('defaults to none on loopback', () => {
    expect(loadConfig({}).auth).toEqual({ mode: 'none' })
  })

  it.each([
    [{ HOST: '0.0.0.0' }, /^AUTH_MODE: is unset \(none\), but HOST=0\.0\.0\.0 is not loopback/],
    [{ HOST: '192.0.2.10', AUTH_MODE: 'none' }, /^AUTH_MODE: is none, but HOST=192\.0\.2\.10 is not loopback/],
    [{ AUTH_MODE: 'basic' }, /^OPERATORS_FILE: is required with AUTH_MODE=basic/],
    [{ AUTH_MODE: 'basic', OPERATORS_FILE: '/nonexistent/operators' }, /^OPERATORS_FILE: cannot read \/nonexistent\/operators: ENOENT/],
    [{ AUTH_MODE: 'header' }, /^TRUSTED_PROXIES: is required with AUTH_MODE=header/],
    [{ AUTH_MODE: 'header', TRUSTED_PROXIES: 'proxy.local' }, /^TRUSTED_PROXIES: "proxy\.local" is not an IP address/],
    [{ AUTH_MODE: 'ldap' }, /^AUTH_MODE: must be one of none, basic, header$/],
  ])('refuses %o at start-up', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message)
  })

  it('reads the operators file for basic, on any address', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flows-admin-auth-'))
    writeFileSync(join(dir, 'operators'), `dana:${danaHash}\n`)
    const config = loadConfig({ HOST: '0.0.0.0', AUTH_MODE: 'basic', OPERATORS_FILE: join(dir, 'operators') })
    expect(config.auth.mode).toBe('basic')
  })
})

describe('AUTH_MODE=basic', () => {
  const auth = (): AuthConfig => ({ mode: 'basic', operatorsFile: 'ops', operators: new Map([['dana', danaHash]]) })

  it('asks the browser to sign in, with a JSON error body', async () => {
    const { app, upstream } = appWith(auth())
    for (const path of ['/', '/api/config', flowsUrl]) {
      const response = await app.request(path)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="Flows Admin", charset="UTF-8"')
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED', source: 'proxy' })
    }
    expect(upstream.calls).toHaveLength(0)
  })

  it('lets the operator in and tells the browser who it is', async () => {
    const { app } = appWith(auth())
    const response = await app.request('/api/config', { headers: { authorization: basicHeader('dana', password) } })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ auth: 'basic', operator: 'dana' })
  })

  it('keeps the health checks open for load balancers', async () => {
    const { app } = appWith(auth())
    expect((await app.request('/healthz')).status).toBe(200)
    expect((await app.request('/readyz')).status).toBe(200)
  })

  it('refuses a wrong password or an unknown name, and logs the name but never the password', async () => {
    const { app, log } = appWith(auth())
    for (const header of [basicHeader('dana', 'guess-one'), basicHeader('mallory', password)]) {
      const response = await app.request('/api/config', { headers: { authorization: header } })
      expect(response.status).toBe(401)
    }
    expect(log.text()).toContain('sign-in failed')
    expect(log.text()).toContain('mallory')
    expect(log.text()).not.toContain('guess-one')
    expect(log.text()).not.toContain(password)
  })

  it('throttles an address after five failures, even for the right password, with Retry-After', async () => {
    const { app } = appWith(auth())
    for (let i = 0; i < 5; i++) {
      expect((await app.request('/api/config', { headers: { authorization: basicHeader('dana', `wrong-${i}`) } })).status).toBe(401)
    }
    const response = await app.request('/api/config', { headers: { authorization: basicHeader('dana', password) } })
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(800)
    expect(await response.json()).toMatchObject({ code: 'TOO_MANY_SIGN_INS' })
  })
})

describe('AUTH_MODE=header', () => {
  const auth: AuthConfig = { mode: 'header', header: 'X-Forwarded-User', trustedProxies: ['10.0.0.5', '127.0.0.1'] }

  it('takes the operator from the header when the request comes from a trusted proxy', async () => {
    const { app } = appWith(auth, '::ffff:127.0.0.1')
    const response = await app.request('/api/config', { headers: { 'x-forwarded-user': 'dana@example.com' } })
    expect(await response.json()).toMatchObject({ auth: 'header', operator: 'dana@example.com' })
  })

  it('refuses the header from anyone else', async () => {
    const { app, upstream } = appWith(auth, '203.0.113.7')
    const response = await app.request(flowsUrl, { headers: { 'x-forwarded-user': 'dana@example.com' } })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' })
    expect(upstream.calls).toHaveLength(0)
  })

  it('refuses a trusted proxy that sent no identity', async () => {
    const { app } = appWith(auth, '10.0.0.5')
    const response = await app.request('/api/config')
    expect(response.status).toBe(401)
  })
})

describe('sign-in under a burst of guesses', () => {
  const auth = (): AuthConfig => ({ mode: 'basic', operatorsFile: 'ops', operators: new Map([['dana', danaHash]]) })

  function countingVerify() {
    const stats = { calls: 0, running: 0, maxRunning: 0 }
    const verify = async (secret: string, hash: string) => {
      stats.calls += 1
      stats.running += 1
      stats.maxRunning = Math.max(stats.maxRunning, stats.running)
      try {
        return await verifyPassword(secret, hash)
      } finally {
        stats.running -= 1
      }
    }
    return { verify, stats }
  }

  function burstApp(verify: (secret: string, hash: string) => Promise<boolean>, peer: (c: { req: { header: (name: string) => string | undefined } }) => string) {
    const config: ServerConfig = { ...liveConfig(), auth: auth() }
    const upstream = fakeUpstream(() => new Response(null, { status: 204 }))
    const audit = memoryAudit()
    const app = createApp({
      config,
      upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch }),
      logger: memoryLog().logger,
      audit,
      remoteAddress: peer,
      verifyPassword: verify,
    })
    return { app, audit }
  }

  it('decides the throttle before hashing: 200 concurrent guesses, the right one at #190, none gets in', async () => {
    const { verify, stats } = countingVerify()
    const { app } = burstApp(verify, () => '203.0.113.7')
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 189 ? password : `wrong-${i}`))
    const statuses = await Promise.all(
      guesses.map(async (guess) => (await app.request('/api/config', { headers: { authorization: basicHeader('dana', guess) } })).status),
    )
    expect(statuses.filter((status) => status === 200)).toEqual([])
    expect(stats.calls).toBeLessThanOrEqual(5)
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(195)
  })

  it('runs at most two password checks at once, leaving the thread pool to the audit log; the rest get 429 at once', async () => {
    const { verify, stats } = countingVerify()
    const { app, audit } = burstApp(verify, (c) => c.req.header('x-test-peer') ?? 'unknown')
    const signedIn = { authorization: basicHeader('dana', password), 'x-test-peer': '198.51.100.1' }
    expect((await app.request('/api/config', { headers: signedIn })).status).toBe(200)
    stats.calls = 0

    // Guesses from 200 addresses for 200 names: no per-key throttle applies, only the bound on checks.
    const storm = Array.from({ length: 200 }, (_, i) =>
      app.request('/api/config', { headers: { authorization: basicHeader(`guess${i}`, 'x'), 'x-test-peer': `192.0.2.${i}` } }),
    )
    const deletion = app.request(`${flowsUrl}/1620387745519023`, {
      method: 'DELETE',
      headers: { ...signedIn, 'x-requested-with': 'XMLHttpRequest' },
    })
    const statuses = await Promise.all(storm.map(async (r) => (await r).status))
    expect((await deletion).status).toBe(200)
    expect(audit.entries.map((e) => e.phase)).toEqual(['attempt', 'outcome'])
    expect(stats.maxRunning).toBeLessThanOrEqual(2)
    expect(statuses.filter((status) => status === 429).length).toBe(200 - stats.calls)
    const busy = await app.request('/api/config', { headers: { authorization: basicHeader('someone', 'x') } })
    expect([401, 429]).toContain(busy.status)
  })
})

describe('AUTH_MODE=header: the identity header', () => {
  const auth: AuthConfig = { mode: 'header', header: 'X-Forwarded-User', trustedProxies: ['127.0.0.1'] }

  it('is refused when sent more than once (joined as "alice, mallory")', async () => {
    const { app, upstream } = appWith(auth, '127.0.0.1')
    const headers = new Headers()
    headers.append('x-forwarded-user', 'alice')
    headers.append('x-forwarded-user', 'mallory')
    const response = await app.request(flowsUrl, { headers })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'AMBIGUOUS_IDENTITY' })
    expect(upstream.calls).toHaveLength(0)
  })
})
