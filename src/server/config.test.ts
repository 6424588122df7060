import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'
import { sandboxSeed } from './sandbox/seed'
import { configErrorFor } from './config-test-support'

const live = {
  EIGHTX8_API_KEY: 'k3y-Secret_value',
  EIGHTX8_ACCOUNT_ID: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  EIGHTX8_CHANNELS: 'b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e=Retail, e1d2c3b4-a596-4878-b9a0-c1d2e3f4a5b6',
}

describe('loadConfig', () => {
  it('runs the sandbox on 127.0.0.1:8080 when no API key is set', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ mode: 'sandbox', host: '127.0.0.1', port: 8080, accountId: sandboxSeed.accountId })
    expect(config.channels.map((c) => c.name)).toEqual(sandboxSeed.channels.map((c) => c.name))
    expect(config.upstream.timeoutMs).toBe(10_000)
  })

  it('treats an empty API key as unset, as .env files often leave it', () => {
    expect(loadConfig({ EIGHTX8_API_KEY: '' }).mode).toBe('sandbox')
  })

  it('reads live mode with named and unnamed channels and the APAC host by default', () => {
    const config = loadConfig(live)
    expect(config.mode).toBe('live')
    expect(config.channels).toEqual([
      { id: 'b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e', name: 'Retail' },
      { id: 'e1d2c3b4-a596-4878-b9a0-c1d2e3f4a5b6', name: 'e1d2c3b4-a596-4878-b9a0-c1d2e3f4a5b6' },
    ])
    expect(config.upstream).toEqual({
      baseUrl: 'https://chatapps.8x8.com',
      apiKey: 'k3y-Secret_value',
      timeoutMs: 10_000,
      rateLimitPerMinute: 100,
      listReuseMs: 10_000,
    })
  })

  it.each([
    ['us', 'https://chatapps.us.8x8.com'],
    ['eu', 'https://chatapps.8x8.uk'],
    ['id', 'https://chatapps.8x8.id'],
  ])('maps EIGHTX8_REGION=%s to %s', (region, baseUrl) => {
    expect(loadConfig({ ...live, EIGHTX8_REGION: region }).upstream.baseUrl).toBe(baseUrl)
  })

  it('keeps sandbox records apart from live ones: an in-memory database by default, a file in live mode', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: ':memory:', legacyAuditLog: null, retentionDays: 90 })
    expect(loadConfig(live)).toMatchObject({ databaseUrl: 'file:data/flows-admin.db', legacyAuditLog: 'data/audit.jsonl' })
    expect(loadConfig({ ...live, DATABASE_URL: 'postgres://fa:pw@db.internal/fa', RETENTION_DAYS: '30' })).toMatchObject({ databaseUrl: 'postgres://fa:pw@db.internal/fa', retentionDays: 30 })
  })

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must be file:<path> \(SQLite\), :memory:, or postgres:/],
    [{ RETENTION_DAYS: '0' }, /^RETENTION_DAYS: must be a whole number of days from 1 to 3650$/],
    [{ EIGHTX8_LIST_REUSE_MS: '10s' }, /^EIGHTX8_LIST_REUSE_MS: must be a whole number of milliseconds from 0 to 600000$/],
  ])('refuses %o at start-up', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('takes SANDBOX_FLOWS, 0 as "no rate limit" and 0 as "never reuse a list"', () => {
    const config = loadConfig({ SANDBOX_FLOWS: '1000', EIGHTX8_RATE_LIMIT_PER_MINUTE: '0', EIGHTX8_LIST_REUSE_MS: '0' })
    expect(config.sandboxFlows).toBe(1000)
    expect(config.upstream.rateLimitPerMinute).toBe(0)
    expect(config.upstream.listReuseMs).toBe(0)
  })

  it('takes an explicit base URL without its trailing slash', () => {
    expect(loadConfig({ ...live, EIGHTX8_BASE_URL: 'https://proxy.example.com/8x8/' }).upstream.baseUrl).toBe(
      'https://proxy.example.com/8x8',
    )
  })

  it.each([
    [{ PORT: 'eighty' }, /^PORT: must be a whole number from 0 to 65535$/],
    [{ PORT: '70000' }, /^PORT: /],
    [{ EIGHTX8_RATE_LIMIT_PER_MINUTE: '-1' }, /^EIGHTX8_RATE_LIMIT_PER_MINUTE: must be a whole number from 0 to 10000$/],
    [{ SANDBOX_FLOWS: '5000' }, /^SANDBOX_FLOWS: must be a whole number of flows from 1 to 1000$/],
    [{ SANDBOX_FLOWS: 'lots' }, /^SANDBOX_FLOWS: must be a whole number of flows from 1 to 1000$/],
    [{ EIGHTX8_TIMEOUT_MS: '50' }, /^EIGHTX8_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 120000$/],
    [{ ...live, EIGHTX8_ACCOUNT_ID: 'acme' }, /^EIGHTX8_ACCOUNT_ID: must be 8x8's account id/],
    [{ ...live, EIGHTX8_ACCOUNT_ID: '' }, /^EIGHTX8_ACCOUNT_ID: is required in live mode/],
    [{ ...live, EIGHTX8_CHANNELS: ' , ' }, /^EIGHTX8_CHANNELS: must list at least one channel id/],
    [{ ...live, EIGHTX8_CHANNELS: 'abc/../x' }, /^EIGHTX8_CHANNELS: "abc\/\.\.\/x" is not a channel id/],
    [{ ...live, EIGHTX8_CHANNELS: 'a1,a1=Again' }, /^EIGHTX8_CHANNELS: channel "a1" is listed twice$/],
    [{ ...live, EIGHTX8_REGION: 'mars' }, /^EIGHTX8_REGION: must be one of apac, us, eu, id$/],
    [{ ...live, EIGHTX8_REGION: 'us', EIGHTX8_BASE_URL: 'https://x.example' }, /^EIGHTX8_BASE_URL: set either/],
    [{ ...live, EIGHTX8_BASE_URL: 'http://chatapps.8x8.com' }, /^EIGHTX8_BASE_URL: must use https/],
    [{ ...live, EIGHTX8_BASE_URL: 'chatapps' }, /^EIGHTX8_BASE_URL: "chatapps" is not a URL/],
    [{ ...live, EIGHTX8_BASE_URL: 'https://user:pw@x.example' }, /^EIGHTX8_BASE_URL: must be a plain origin/],
    [{ EIGHTX8_CHANNELS: 'abc' }, /^EIGHTX8_API_KEY: is not set, but EIGHTX8_CHANNELS is/],
  ])('refuses %o with one line naming the variable', (env, expected) => {
    const message = configErrorFor(env as Record<string, string>)
    expect(message).toMatch(expected)
    expect(message).not.toContain('\n')
  })

  it('accepts plain http for a loopback test server', () => {
    expect(loadConfig({ ...live, EIGHTX8_BASE_URL: 'http://127.0.0.1:9999' }).upstream.baseUrl).toBe('http://127.0.0.1:9999')
  })

  it('never repeats the API key in its message', () => {
    const key = 'abc def-secret'
    const message = configErrorFor({ ...live, EIGHTX8_API_KEY: key })
    expect(message).toMatch(/^EIGHTX8_API_KEY: must be printable ASCII without spaces/)
    expect(message).not.toContain('secret')
  })
})
