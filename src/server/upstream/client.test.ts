import { describe, expect, it } from 'vitest'
import { accountId, channelId, eightByEightError, fakeUpstream, json, testKey, upstreamBase } from '../test-support'
import { createUpstreamClient } from './client'
import { createRateLimiter } from './resilience'

const scope = { accountId: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', channelId: 'chan' }
const flows = { flows: [{ id: '1', name: 'a', status: 'DRAFT' }] }

/** Answers in turn with each of `answers`, then with the last one again. */
function sequence(...answers: (() => Response | Promise<Response>)[]) {
  let call = 0
  return fakeUpstream(() => answers[Math.min(call++, answers.length - 1)]())
}

function client(upstream: ReturnType<typeof fakeUpstream>, extra: Partial<Parameters<typeof createUpstreamClient>[0]> = {}) {
  return createUpstreamClient({ baseUrl: upstreamBase, apiKey: 'k', timeoutMs: 2000, fetch: upstream.fetch, random: () => 0, ...extra })
}

const unavailable = () => new Response('<h1>503</h1>', { status: 503 })
const refused = () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))

describe('reads retry transient failures', () => {
  it.each([
    ['a 503 page', unavailable],
    ['a 502 with 8x8 body', () => json(eightByEightError(2000, 'Bad gateway'), 502)],
    ['a connection reset', refused],
    ['a 429 with Retry-After: 0', () => json(eightByEightError(1010, 'Slow down'), 429, { 'retry-after': '0' })],
  ])('after %s', async (_label, first) => {
    const upstream = sequence(first, () => json(flows))
    await expect(client(upstream).listFlows(scope, {})).resolves.toEqual(flows)
    expect(upstream.calls).toHaveLength(2)
  })

  it('give up after three attempts with the last failure', async () => {
    const upstream = sequence(unavailable)
    await expect(client(upstream).listFlows(scope, {})).rejects.toMatchObject({ status: 502, code: 'UPSTREAM_BAD_RESPONSE' })
    expect(upstream.calls).toHaveLength(3)
  })

  it('do not wait for a Retry-After beyond the deadline', async () => {
    const upstream = sequence(() => json(eightByEightError(1010, 'Slow down'), 429, { 'retry-after': '30' }), () => json(flows))
    await expect(client(upstream).listFlows(scope, {})).rejects.toMatchObject({ status: 429, retryAfter: '30' })
    expect(upstream.calls).toHaveLength(1)
  })

  it.each([400, 401, 404, 500])('do not retry an 8x8 %i', async (status) => {
    const upstream = sequence(() => json(eightByEightError(1000, 'No'), status), () => json(flows))
    await expect(client(upstream).listFlows(scope, {})).rejects.toMatchObject({ status })
    expect(upstream.calls).toHaveLength(1)
  })
})

describe('writes are never retried', () => {
  it.each([
    ['a 503 page', unavailable],
    ['a connection reset', refused],
    ['a 429', () => json(eightByEightError(1010, 'Slow down'), 429, { 'retry-after': '0' })],
  ])('a DELETE that met %s is tried once', async (_label, first) => {
    const upstream = sequence(first, () => new Response(null, { status: 200 }))
    await expect(client(upstream).deleteFlow({ ...scope, flowId: '1' })).rejects.toBeDefined()
    expect(upstream.calls).toHaveLength(1)
  })
})

describe('answers are size-capped', () => {
  it('refuses a declared length over the cap without reading it', async () => {
    const upstream = sequence(() => new Response('x'.repeat(10), { status: 200, headers: { 'content-length': '2000000000' } }))
    await expect(client(upstream, { maxResponseBytes: 1000 }).listFlows(scope, {})).rejects.toMatchObject({
      status: 502,
      message: "8x8's answer was larger than 1000 bytes",
    })
  })

  it('stops reading an endless stream at the cap', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        controller.enqueue(new Uint8Array(512).fill(32))
      },
    })
    const upstream = sequence(() => new Response(endless, { status: 200 }))
    await expect(client(upstream, { maxResponseBytes: 4096 }).listFlows(scope, {})).rejects.toMatchObject({ status: 502 })
    expect(pulled).toBeLessThan(20)
  })
})

describe('the shared rate limit', () => {
  it('refuses with 429 RATE_LIMITED before calling 8x8 once the minute is spent', async () => {
    const upstream = sequence(() => json(flows))
    const limited = client(upstream, { rateLimiter: createRateLimiter({ perMinute: 2, maxWaitMs: 0 }) })
    await limited.listFlows(scope, {})
    await limited.deleteFlow({ ...scope, flowId: '1' })
    await expect(limited.listFlows(scope, {})).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' })
    expect(upstream.calls).toHaveLength(2)
  })
})

describe('a call 8x8 never answers', () => {
  it('still times out when nothing but its own timer holds it, with garbage collections meanwhile', { timeout: 10_000 }, async () => {
    expect(typeof globalThis.gc).toBe('function')
    const collect = setInterval(() => globalThis.gc!(), 5)
    try {
      for (let i = 0; i < 5; i++) {
        // Nothing outside the call refers to the client or to the hung request while it waits: the
        // timer is the one root left, as for a delete whose browser has gone.
        const outcome = await createUpstreamClient({
          baseUrl: upstreamBase,
          apiKey: testKey,
          timeoutMs: 100,
          fetch: fakeUpstream((request) => new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))).fetch,
        })
          .deleteFlow({ accountId, channelId, flowId: '1620387745519023' })
          .then(
            () => 'answered',
            (error: { code?: string }) => error.code,
          )
        expect(outcome).toBe('UPSTREAM_TIMEOUT')
      }
    } finally {
      clearInterval(collect)
    }
  })
})
