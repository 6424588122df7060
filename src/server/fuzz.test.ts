import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app'
import { openStore, type Store } from './store/open-store'
import { accountId, buildApp, channelId, fakeUpstream, json, liveConfig, memoryLog, otherChannelId, upstreamBase } from './test-support'
import { createUpstreamClient } from './upstream/client'

/**
 * Property-based: whatever a client puts in the path, the query or the headers, the proxy answers
 * with a JSON 4xx (or the real thing), never a 5xx, and calls nothing but 8x8's flow paths for the
 * configured account and channels, on the configured host.
 */

const hostileSegments = [
  '',
  '.',
  '..',
  '%2e%2e',
  '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '..%2f..%2fadmin',
  '%2F',
  '%5C..%5C',
  '%00',
  '%',
  '%zz',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '%C0%AE%C0%AE',
  ';jsessionid=1',
  '?limit=1',
  '#x',
  '@evil.example',
  '\\\\evil.example',
  'https:%2F%2Fevil.example',
  '1620387745519023%0D%0AX-Injected:%201',
  'a'.repeat(5000),
  '9'.repeat(129),
  accountId.toUpperCase(),
  accountId.replaceAll('-', ''),
]

/** A path segment as a client might send it: valid ids, near misses, hostile strings, random text. */
function segment(valid: string[]) {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...valid) },
    { weight: 3, arbitrary: fc.constantFrom(...hostileSegments) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => s.replaceAll(/[#?]/g, '')) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/) },
  )
}

/** The id of a copy of a deleted flow put in the store before the run, so restores can reach 8x8. */
const keptCopyId = crypto.randomUUID()

const asciiHeader = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 300 })

const request = fc.record({
  method: fc.constantFrom('GET', 'DELETE', 'POST', 'PUT', 'PATCH', 'HEAD', 'OPTIONS'),
  shape: fc.constantFrom('flows', 'flow', 'json', 'preview', 'deprecate', 'audit', 'templates', 'deleted', 'copy-json', 'restore', 'deeper', 'other'),
  account: segment([accountId]),
  channel: segment([channelId, otherChannelId, 'not-configured']),
  flow: segment(['1620387745519023', '123456789012345']),
  backup: segment([keptCopyId, '0b0c7a52-6c1e-4f1a-9d7e-2a1b3c4d5e6f']),
  backupHeader: fc.option(fc.oneof(fc.constantFrom('none', 'None', 'later', ''), asciiHeader)),
  query: fc.option(fc.oneof(fc.constantFrom('limit=1', 'limit=1000', 'limit=0', 'limit=-1', 'limit=1e3', 'limit=%00', 'limit=1&limit=2', 'refresh=true', 'refresh=yes', 'refresh='), asciiHeader.map((s) => `limit=${encodeURIComponent(s)}`))),
  csrfHeader: fc.boolean(),
  flowName: fc.option(fc.oneof(asciiHeader, fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '%0D%0ASet-Cookie:%20x', '%F0%9F%98%80'))),
})

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never

/** Always tried first: requests that do reach 8x8, so the allowlist check has calls to look at. */
const reachingExamples: [FuzzRequest][] = [
  [{ method: 'DELETE', shape: 'flow', account: accountId, channel: channelId, flow: '1620387745519023', backup: '', backupHeader: null, query: null, csrfHeader: true, flowName: '%' }],
  [{ method: 'DELETE', shape: 'flow', account: accountId, channel: channelId, flow: '123456789012345', backup: '', backupHeader: 'none', query: null, csrfHeader: true, flowName: null }],
  [{ method: 'GET', shape: 'flows', account: accountId, channel: otherChannelId, flow: '', backup: '', backupHeader: null, query: 'limit=1000', csrfHeader: false, flowName: null }],
  [{ method: 'POST', shape: 'deprecate', account: accountId, channel: channelId, flow: '1145805540595505', backup: '', backupHeader: null, query: null, csrfHeader: true, flowName: '%zz' }],
  [{ method: 'GET', shape: 'json', account: accountId, channel: channelId, flow: '1145805540595505', backup: '', backupHeader: null, query: null, csrfHeader: false, flowName: null }],
  [{ method: 'GET', shape: 'templates', account: accountId, channel: channelId, flow: '', backup: '', backupHeader: null, query: null, csrfHeader: false, flowName: null }],
  [{ method: 'POST', shape: 'restore', account: accountId, channel: channelId, flow: '', backup: keptCopyId, backupHeader: null, query: null, csrfHeader: true, flowName: null }],
  // A flow id that is also a word of the API (found by the fuzzer: `flows/./preview` is `flows/preview`).
  [{ method: 'DELETE', shape: 'flow', account: accountId, channel: channelId, flow: 'preview', backup: '', backupHeader: null, query: null, csrfHeader: true, flowName: null }],
]

function pathOf({ shape, account, channel, flow, backup }: FuzzRequest): string {
  const base = `/api/v1/accounts/${account}/channels/${channel}`
  switch (shape) {
    case 'flows':
      return `${base}/flows`
    case 'flow':
      return `${base}/flows/${flow}`
    case 'json':
    case 'preview':
    case 'deprecate':
      return `${base}/flows/${flow}/${shape}`
    case 'audit':
    case 'templates':
      return `${base}/${shape}`
    case 'deleted':
      return `${base}/deleted-flows`
    case 'copy-json':
      return `${base}/deleted-flows/${backup}/json`
    case 'restore':
      return `${base}/deleted-flows/${backup}/restore`
    case 'deeper':
      return `${base}/flows/${flow}/${flow}`
    default:
      return `/api/${account}/${flow}`
  }
}

const channelPath = `/api/v1/accounts/${accountId}/channels/(${channelId}|${otherChannelId})`
const flowPath = `${channelPath}/flows/[A-Za-z0-9][A-Za-z0-9_-]{0,127}`
const cdnUrl = 'https://mmg.whatsapp.net/m1/v/t24/flow.json'
const allowedUpstream = [
  { method: 'GET', origin: upstreamBase, path: new RegExp(`^${channelPath}/(flows|templates)$`) },
  // A restore: create-flow, from a copy.
  { method: 'POST', origin: upstreamBase, path: new RegExp(`^${channelPath}/flows$`) },
  { method: 'GET', origin: upstreamBase, path: new RegExp(`^${flowPath}(/preview)?$`) },
  { method: 'DELETE', origin: upstreamBase, path: new RegExp(`^${flowPath}$`) },
  { method: 'POST', origin: upstreamBase, path: new RegExp(`^${flowPath}/deprecate$`) },
  // The flow JSON, from the address 8x8's get-flow gave (the fake gives this one).
  { method: 'GET', origin: new URL(cdnUrl).origin, path: /^\/m1\/v\/t24\/flow\.json$/ },
]

/** A fake 8x8 (and CDN) that answers every allowlisted call as 8x8 would. */
function answer(call: Request): Response {
  const { origin, pathname } = new URL(call.url)
  if (origin !== upstreamBase) return json({ version: '6.0', screens: [] })
  // What follows the channel, by position: a flow may be called "flows", "templates" or "preview" (ids
  // are any URL-safe text), so a path's ending alone does not tell the calls apart.
  const [resource, flowId, action] = pathname.split('/channels/')[1]?.split('/').slice(1) ?? []
  if (call.method === 'POST' && resource === 'flows' && flowId === undefined) return json({ id: '1700000000000001', success: true })
  if (call.method !== 'GET') return new Response(null, { status: 204 })
  if (resource === 'flows' && flowId === undefined) return json({ flows: [] })
  if (resource === 'templates') return json({ templates: [] })
  if (action === 'preview') return json({ id: '1', preview_url: 'https://business.facebook.com/wa/manage/flows/1/preview/' })
  return json({ flowId, flowJsonUrl: cdnUrl, name: 'x', status: 'DRAFT' })
}

/** What is wrong with one answer and the 8x8 calls it made; empty when all is well. */
async function violations(response: Response, method: string, calls: Request[]): Promise<string[]> {
  const found: string[] = []
  if (response.status >= 500) found.push(`status ${response.status}`)
  if (response.status >= 400 && method !== 'HEAD') {
    const type = response.headers.get('content-type') ?? ''
    const body: unknown = type.startsWith('application/json') ? await response.json() : await response.text()
    const shaped = typeof body === 'object' && body !== null && 'code' in body && 'errorId' in body && typeof body.errorId === 'string'
    if (!shaped) found.push(`error answer is not an error body: ${type} ${JSON.stringify(body).slice(0, 200)}`)
  }
  for (const call of calls) {
    const url = new URL(call.url)
    const allowed = allowedUpstream.some((a) => a.origin === url.origin && a.method === call.method && a.path.test(url.pathname))
    if (!allowed) found.push(`called ${call.method} ${call.url}`)
  }
  return found
}

describe('fuzzing every route with hostile ids, queries and headers', () => {
  let store: Store
  beforeAll(async () => {
    store = await openStore(':memory:')
    // A copy as a delete keeps it, under a known id.
    await store.db
      .insertInto('flow_backups')
      .values({
        id: keptCopyId, account_id: accountId, channel_id: channelId, flow_id: '1620387745519099', name: 'Kept', categories: '["OTHER"]',
        status: 'DRAFT', endpoint_uri: null, validation_errors: '[]', json_literal: JSON.stringify('{"version":"6.0","screens":[]}'), request_id: 'r-0',
        taken_by: null, taken_at: new Date().toISOString(), state: 'deleted', restored_flow_id: null, restored_by: null, restored_at: null,
      })
      .execute()
  })
  afterAll(() => store.close())

  it('answers 2xx or a JSON 4xx, never a 5xx, and calls only the allowlisted 8x8 paths on the configured host', async () => {
    const upstream = fakeUpstream(answer)
    const config = liveConfig()
    const app = createApp({ config, upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch, random: () => 0 }), logger: memoryLog().logger, audit: store.audit, store })

    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const headers: Record<string, string> = {}
        if (input.csrfHeader) headers['x-requested-with'] = 'XMLHttpRequest'
        if (input.flowName !== null) headers['x-flow-name'] = input.flowName
        if (input.backupHeader !== null) headers['x-backup'] = input.backupHeader
        const path = pathOf(input) + (input.query === null ? '' : `?${input.query}`)
        const callsBefore = upstream.calls.length

        const response = await app.request(path, { method: input.method, headers })

        expect(await violations(response, input.method, upstream.calls.slice(callsBefore))).toEqual([])
      }),
      { numRuns: 2000, examples: reachingExamples },
    )
    // Requests did reach 8x8, or the allowlist check above would prove nothing.
    expect(upstream.calls.some((call) => call.method === 'DELETE')).toBe(true)
    expect(upstream.calls.some((call) => call.method === 'GET')).toBe(true)
    expect(upstream.calls.some((call) => call.method === 'POST')).toBe(true)
    expect(upstream.calls.some((call) => call.url === cdnUrl)).toBe(true)
    expect(upstream.calls.some((call) => call.method === 'POST' && call.url.endsWith('/flows'))).toBe(true)
  })

  it('refuses a state-changing request without the anti-CSRF header before anything else happens', async () => {
    const upstream = fakeUpstream(() => new Response(null, { status: 204 }))
    const { app, audit } = buildApp(upstream.fetch)

    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        fc.pre(input.method !== 'GET' && input.method !== 'HEAD' && input.method !== 'OPTIONS')
        // Dot segments (also encoded ones) can climb out of /api/: such a request is not an API call at all.
        fc.pre(new URL(pathOf(input), 'http://localhost').pathname.startsWith('/api/'))
        const response = await app.request(pathOf(input), { method: input.method })
        expect(response.status).toBe(403)
      }),
      { numRuns: 300 },
    )
    expect(upstream.calls).toHaveLength(0)
    expect(audit.entries).toHaveLength(0)
  })
})
