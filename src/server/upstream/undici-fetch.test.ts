import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readError } from '../test-support'
import { createUpstreamClient } from './client'
import { undiciFetch } from './undici-fetch'

/** A loopback 8x8 with a few ways to answer, chosen by path. */
let server: Server
let base = ''
const seen: { method?: string; authorization?: string; body: string }[] = []
const flows = JSON.stringify({ flows: [{ id: '1620387745519023', name: 'Old promo', status: 'DRAFT' }] })

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      seen.push({ method: req.method, authorization: req.headers.authorization, body })
      if (req.url?.includes('redirect')) return res.writeHead(302, { location: 'https://elsewhere.example/' }).end()
      if (req.url?.includes('huge-declared')) return res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).end('x'.repeat(100))
      if (req.url?.includes('huge-chunked')) {
        // Without a length, and without end: only a reader that stops at the cap ever returns.
        res.writeHead(200, { 'content-type': 'application/json' })
        const timer = setInterval(() => res.write('y'.repeat(20)), 2)
        res.on('close', () => clearInterval(timer))
        return
      }
      if (req.url?.includes('never')) return
      if (req.url?.includes('empty')) return res.writeHead(204).end()
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end(req.method === 'POST' ? body : flows)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
)

describe("the client's fetch on undici's request", () => {
  const fetch = undiciFetch({ maxBytes: 50 })

  it('answers as fetch would: status, headers (repeated ones joined), body; sends method, headers and body', async () => {
    const answer = await fetch(`${base}/ok`, { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: '{"a":1}' })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/json')
    expect(answer.headers.get('Set-Cookie')).toBe('a=1, b=2')
    expect(answer.headers.get('x-absent')).toBeNull()
    expect(await answer.text()).toBe('{"a":1}')
    expect(seen.at(-1)).toEqual({ method: 'POST', authorization: 'Bearer k', body: '{"a":1}' })
    const empty = await fetch(`${base}/empty`)
    expect([empty.status, empty.body, await empty.text()]).toEqual([204, null, ''])
  })

  it('does not follow a redirect', async () => {
    const answer = await fetch(`${base}/redirect`)
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('https://elsewhere.example/')
  })

  it('stops reading past the cap, and the client refuses the answer as too large (declared or not)', async () => {
    const client = createUpstreamClient({ baseUrl: base, apiKey: 'k', timeoutMs: 1000, fetch, maxResponseBytes: 50, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    for (const path of ['huge-declared', 'huge-chunked']) {
      const outcome = await client.listFlows({ accountId: path, channelId: 'c' }, {}).catch((error: unknown) => error)
      expect(outcome).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', message: "8x8's answer was larger than 50 bytes" })
    }
    // Not read whole: nothing of a body declared too large, and one chunk past the cap of one that was
    // not, whose length is then what was read.
    const declared = await fetch(`${base}/huge-declared`)
    expect([declared.body, declared.headers.get('content-length'), await declared.text()]).toEqual([null, '100', ''])
    const chunked = await fetch(`${base}/huge-chunked`)
    const read = await chunked.text()
    expect(read.length).toBeGreaterThan(50)
    expect(read.length).toBeLessThanOrEqual(70)
    expect(chunked.headers.get('content-length')).toBe(String(read.length))
  })

  it("gives up when the caller's signal aborts, and a refused connection is an error like fetch's", async () => {
    const caller = new AbortController()
    const pending = fetch(`${base}/never`, { signal: caller.signal })
    setTimeout(() => caller.abort(new DOMException('gave up', 'TimeoutError')), 20)
    // Like fetch, it rejects with the signal's reason.
    await expect(pending).rejects.toThrow('gave up')
    await expect(fetch('http://127.0.0.1:1/')).rejects.toThrow(/ECONNREFUSED/)
  })

  it('serves the proxy end to end: a timeout is still a 504 with an Error ID', async () => {
    const client = createUpstreamClient({ baseUrl: base, apiKey: 'k', timeoutMs: 100, fetch, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    const { createApp } = await import('../app')
    const { liveConfig, memoryAudit, memoryLog } = await import('../test-support')
    const config = liveConfig()
    const app = createApp({ config, upstream: { ...client, listFlows: (_scope, query, options) => client.listFlows({ accountId: 'never', channelId: 'x' }, query, options) }, logger: memoryLog().logger, audit: memoryAudit() })
    const answer = await app.request(`/api/v1/accounts/${config.accountId}/channels/${config.channels[0].id}/flows`)
    expect(answer.status).toBe(504)
    expect(await readError(answer)).toMatchObject({ code: 'UPSTREAM_TIMEOUT', source: 'proxy' })
  })
})
