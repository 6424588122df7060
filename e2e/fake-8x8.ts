import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createEmulator } from '../src/server/sandbox/emulator'
import type { Seed } from '../src/server/sandbox/seed'

/** A flow whose delete makes this fake answer like a broken gateway: HTML, HTTP 500. */
export const htmlFailureFlowId = '1555000000000001'
/** A flow id whose delete this fake never answers (it keeps the request open until the caller gives up). */
export const neverAnswersFlowId = '1555000000000099'
/** A draft whose JSON this fake's CDN refuses to serve: no copy can be made of it before a delete. */
export const uncopyableFlowId = '1555000000000002'
/** A draft that a message template of the fake uses. */
export const templateBoundFlowId = '1555000000000003'

export const liveSeed: Seed = {
  apiKey: 'e2e-live-key-3c9f17b2a8d54e6f',
  accountId: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  channels: [
    {
      id: 'b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e',
      name: 'Unused name: the proxy shows the configured one',
      flows: [
        {
          id: '1444000000000001',
          name: 'Live draft',
          status: 'DRAFT',
          categories: ['SURVEY', 'OTHER'],
          endPointUri: 'https://shop.example.com/flows/survey',
          flowJson: '{"version":"6.0","screens":[{"id":"ASK","title":"Tell us","terminal":true,"layout":{"type":"SingleColumnLayout","children":[]}}]}',
        },
        { id: '1444000000000002', name: 'Live published', status: 'PUBLISHED', categories: ['OTHER'] },
        { id: htmlFailureFlowId, name: 'Behind a broken gateway', status: 'DRAFT', categories: ['OTHER'] },
        { id: uncopyableFlowId, name: 'Draft without a copy', status: 'DRAFT', categories: ['OTHER'] },
        { id: templateBoundFlowId, name: 'Draft in a template', status: 'DRAFT', categories: ['OTHER'] },
      ],
      templates: [{ name: 'live_welcome', language: 'en_US', status: 'APPROVED', flowIds: [templateBoundFlowId] }],
    },
  ],
}

export type RecordedRequest = { method: string; path: string; authorization: string | undefined; body?: string }

/**
 * A test-only 8x8 on loopback: the sandbox emulator served over real HTTP (with Meta's CDN for flow
 * JSON on the same origin), recording every request (and the body of writes) and with flows that fail
 * the way a gateway in front of 8x8 or the CDN might.
 */
export async function startFake8x8(seed: Seed = liveSeed, { latencyMs = 0 }: { latencyMs?: number } = {}) {
  let emulator: ReturnType<typeof createEmulator> | undefined
  const requests: RecordedRequest[] = []
  // Requests to carry out and then never answer, as 8x8 does when its answer is lost: method and path ending, once each.
  const silent: { method: string; ending: string }[] = []
  const app = new Hono()
  app.use('*', async (c, next) => {
    const body = c.req.method === 'POST' || c.req.method === 'PUT' ? await c.req.raw.clone().text() : ''
    requests.push({ method: c.req.method, path: c.req.path, authorization: c.req.header('authorization'), ...(body === '' ? {} : { body }) })
    await next()
  })
  app.all('*', async (c) => {
    if (c.req.method === 'GET' && c.req.path.includes('/m1/') && c.req.path.endsWith(`/${uncopyableFlowId}`)) {
      return c.text('Forbidden', 403)
    }
    if (c.req.method === 'DELETE' && c.req.path.endsWith(`/flows/${htmlFailureFlowId}`)) {
      return c.html('<html><body><h1>500 Internal Server Error</h1></body></html>', 500)
    }
    if (c.req.method === 'DELETE' && c.req.path.endsWith(`/flows/${neverAnswersFlowId}`)) {
      const { signal } = c.req.raw
      return new Promise<Response>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
    }
    const mute = silent.findIndex((rule) => rule.method === c.req.method && c.req.path.endsWith(rule.ending))
    if (mute !== -1) {
      silent.splice(mute, 1)
      await emulator!.app.fetch(c.req.raw)
      const { signal } = c.req.raw
      return new Promise<Response>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
    }
    return emulator!.app.fetch(c.req.raw)
  })

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started))
  })
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  emulator = createEmulator({ seed, latencyMs, flowJsonBaseUrl: baseUrl })
  return {
    baseUrl,
    requests,
    /** The next `method` request whose path ends so is carried out, and never answered. */
    answerNothingOnce: (method: string, ending: string) => void silent.push({ method, ending }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type Fake8x8 = Awaited<ReturnType<typeof startFake8x8>>
