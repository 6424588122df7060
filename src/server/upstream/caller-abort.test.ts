import { describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { buildApp, fakeUpstream, flowsUrl, json, liveConfig, memoryAudit, memoryLog } from '../test-support'
import { createUpstreamClient } from './client'

/** 8x8 answers, but only after the browser has gone: like a slow list and a closed tab. */
const slowUntilAborted = (request: Request) =>
  new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)))

describe('a browser that goes away', () => {
  it('is not an 8x8 failure: no error line, no UPSTREAM_UNREACHABLE, /readyz stays ready', async () => {
    const { app, log } = buildApp(fakeUpstream(slowUntilAborted).fetch, liveConfig({ timeoutMs: 5000 }))
    const controller = new AbortController()
    const request = app.request(flowsUrl, { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    await Promise.resolve(request).catch(() => undefined)

    const lines = log.lines.map((line) => JSON.parse(line) as { level: number; msg: string; code?: string })
    expect(lines.filter((line) => line.level >= 50)).toEqual([])
    expect(lines.some((line) => line.code === 'UPSTREAM_UNREACHABLE')).toBe(false)
    expect(lines.some((line) => line.level === 30 && line.msg === 'client went away')).toBe(true)
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(200)
  })
})

describe('readiness after 8x8 failed', () => {
  it('turns degraded while 8x8 fails, and ready again by itself once the failure is older than the recovery time', async () => {
    let now = Date.parse('2026-12-01T08:00:00Z')
    let answering = false
    const upstream = fakeUpstream(() => (answering ? json({ flows: [] }) : Promise.reject(new TypeError('fetch failed'))))
    const config = liveConfig()
    const app = createApp({
      config,
      upstream: createUpstreamClient({
        ...config.upstream,
        fetch: upstream.fetch,
        retry: { attempts: 1, baseMs: 1, capMs: 1 },
        now: () => now,
        readinessRecoveryMs: 30_000,
      }),
      logger: memoryLog().logger,
      audit: memoryAudit(),
    })

    expect((await app.request(flowsUrl)).status).toBe(502)
    const degraded = await app.request('/readyz')
    expect(degraded.status).toBe(503)
    expect(await degraded.json()).toMatchObject({ status: 'degraded' })

    now += 30_001
    const recovered = await app.request('/readyz')
    expect(recovered.status).toBe(200)
    expect(await recovered.json()).toMatchObject({ status: 'ready', upstream: { state: 'unknown' } })

    answering = true
    expect((await app.request(flowsUrl)).status).toBe(200)
    expect(await (await app.request('/readyz')).json()).toMatchObject({ status: 'ready', upstream: { state: 'answering' } })
  })
})
