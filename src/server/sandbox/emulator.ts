import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { sameAccountId } from '../../shared/ids'
import type { FetchLike } from '../upstream/client'
import type {
  FlowDetailsResponse,
  ListFlowsResponse,
  ListTemplatesResponse,
  PreviewFlowResponse,
  UpstreamErrorResponse,
} from '../upstream/api-types'
import type { Seed, SeedFlow, SeedTemplate } from './seed'
import { flowWrites } from './emulator-writes'
import { sandboxPreviewUrl } from './preview-link'
import { flowJsonFor } from './seed-flow-json'

export type EmulatorOptions = {
  seed: Seed
  /** Added before every answer, so loading and pending states are visible in demos. */
  latencyMs?: number
  /** Where get-flow says the JSON is (Meta's CDN); the emulator serves that path too, without the key. */
  flowJsonBaseUrl?: string
}

const flowJsonPath = '/m1/v/t24/sandbox/:flowId'

/** A new flow id like Meta's: 16 digits. */
function newFlowId(): string {
  const digits = crypto.getRandomValues(new Uint8Array(15)).reduce((id, byte) => id + String(byte % 10), '')
  return `1${digits}`
}

/** 8x8's templates list: each template with its buttons, FLOW buttons naming their flows. */
function templatesBody(channel: { id: string; name: string }, templates: SeedTemplate[]): ListTemplatesResponse {
  return {
    templates: templates.map((template) => ({
      channelId: channel.id,
      channelName: channel.name.slice(0, 36),
      templateName: template.name,
      language: template.language,
      components: [
        { type: 'BODY', text: `Hi {{1}}, ${template.name.replaceAll('_', ' ')}` },
        ...(template.flowIds.length === 0
          ? []
          : [{ type: 'BUTTONS' as const, buttons: template.flowIds.map((flowId) => ({ type: 'FLOW' as const, text: 'Open', flowId, flowAction: 'navigate' as const, navigateScreen: 'FIRST_ENTRY_SCREEN' })) }]),
      ],
      category: 'UTILITY',
      status: template.status,
      createdAt: '2026-10-01T08:00:00.00Z',
      updatedAt: '2026-11-02T08:00:00.00Z',
    })),
  }
}


/** Meta's preview timestamps: no fractional seconds, offset without a colon. */
function metaTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000')
}

export type Emulator = {
  /** Same signature as `fetch`: the proxy's upstream client calls it instead of the network. */
  fetch: FetchLike
  /** The Hono app itself, for serving the emulator over HTTP (the e2e tests' fake 8x8). */
  app: Hono<{ Bindings: { callerSignal?: AbortSignal } }>
}

/** 8x8 writes timestamps with 7 fractional digits and an explicit offset. */
function eightByEightTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '0000+00:00')
}

export function fail(c: Context, status: ContentfulStatusCode, code: number, message: string) {
  const body: UpstreamErrorResponse = {
    code,
    message,
    errorId: crypto.randomUUID(),
    timestamp: eightByEightTimestamp(new Date()),
  }
  return c.json(body, status)
}

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}

/**
 * An in-process emulator of 8x8's WhatsApp Flows API and its templates list: same paths, same
 * ErrorResponse body, same status rules (only DRAFT deletable, not while a template uses it, 401 + 1200
 * on a bad key, 404 + 1300 for an unknown flow). State lives in memory, one copy per emulator.
 */
export function createEmulator({ seed, latencyMs = 0, flowJsonBaseUrl = 'https://mmg.whatsapp.net' }: EmulatorOptions): Emulator {
  const channels = new Map(
    seed.channels.map((channel) => [
      channel.id,
      new Map<string, SeedFlow>(channel.flows.map((flow) => [flow.id, { ...flow }])),
    ]),
  )
  const templates = new Map(seed.channels.map((channel) => [channel.id, channel.templates ?? []]))
  const usedByTemplate = (channelId: string, flowId: string) => templates.get(channelId)?.some((template) => template.flowIds.includes(flowId)) ?? false

  // In process, the caller's signal travels as a binding: a Request only follows its init signal through a
  // WeakRef, so a hung request (and with it that link) can be garbage collected before the caller aborts.
  const app = new Hono<{ Bindings: { callerSignal?: AbortSignal } }>()

  app.use('*', async function latency(_c, next) {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    await next()
  })

  app.use('/api/v1/accounts/:accountId/channels/:channelId/*', async function authenticate(c, next) {
    if (c.req.header('authorization') !== `Bearer ${seed.apiKey}`) {
      return fail(c, 401, 1200, 'Request was not authenticated properly')
    }
    if (!sameAccountId(c.req.param('accountId'), seed.accountId)) {
      return fail(c, 403, 1201, 'Access forbidden')
    }
    if (!channels.has(c.req.param('channelId'))) {
      return fail(c, 404, 1300, 'Channel not found')
    }
    await next()
  })

  const flowsPath = '/api/v1/accounts/:accountId/channels/:channelId/flows'

  app.get(flowsPath, (c) => {
    const rawLimit = c.req.query('limit')
    const limit = rawLimit === undefined ? 100 : Number(rawLimit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return fail(c, 400, 1010, 'limit must be an integer from 1 to 1000')
    }
    const flows = [...channels.get(c.req.param('channelId'))!.values()]
    const body: ListFlowsResponse = {
      flows: flows.slice(0, limit).map(({ id, name, status }) => ({ id, name, status })),
    }
    return c.json(body)
  })

  const flowOf = (c: Context) => channels.get(c.req.param('channelId') ?? '')?.get(c.req.param('flowId') ?? '')

  app.get(`${flowsPath}/:flowId`, (c) => {
    const flow = flowOf(c)
    if (!flow) return fail(c, 404, 1300, 'Flow not found')
    const body: FlowDetailsResponse = {
      flowId: flow.id,
      flowJsonUrl: `${flowJsonBaseUrl}${flowJsonPath.replace(':flowId', flow.id)}?_nc_sid=471`,
      name: flow.name,
      status: flow.status,
      categories: flow.categories,
      ...(flow.validationErrors?.length ? { validationErrors: flow.validationErrors } : {}),
    }
    // Not in get-flow's documented shape; 8x8's create and update take it, and Flows Admin keeps it when told.
    return c.json(flow.endPointUri === undefined ? body : { ...body, endPointUri: flow.endPointUri })
  })

  flowWrites(app, { flowsPath, channels, flowOf, fail, newFlowId, jsonOf: (flow) => flow.flowJson ?? flowJsonFor(flow) })

  app.get('/api/v1/accounts/:accountId/channels/:channelId/templates', (c) => {
    const channel = seed.channels.find((candidate) => candidate.id === c.req.param('channelId'))!
    return c.json(templatesBody(channel, templates.get(channel.id) ?? []))
  })

  app.get(`${flowsPath}/:flowId/preview`, (c) => {
    const flow = flowOf(c)
    if (!flow) return fail(c, 404, 1300, 'Flow not found')
    const body: PreviewFlowResponse = {
      id: flow.id,
      // No Meta here: a link the server turns into the console's own preview of the saved JSON.
      preview_url: sandboxPreviewUrl({ accountId: c.req.param('accountId') ?? '', channelId: c.req.param('channelId') ?? '', flowId: flow.id }, crypto.randomUUID()),
      expires_at: metaTimestamp(new Date(Date.now() + 30 * 24 * 3600_000)),
    }
    return c.json(body)
  })

  app.post(`${flowsPath}/:flowId/deprecate`, (c) => {
    const flow = flowOf(c)
    if (!flow) return fail(c, 404, 1300, 'Flow not found')
    if (!['PUBLISHED', 'THROTTLED', 'BLOCKED'].includes(flow.status)) {
      return fail(c, 400, 1000, 'Flow must be in PUBLISHED status')
    }
    flow.status = 'DEPRECATED'
    return c.body(null, 200)
  })

  // Meta's CDN: no key, the address is the credential.
  app.get(flowJsonPath, (c) => {
    const flow = [...channels.values()].map((flows) => flows.get(c.req.param('flowId'))).find(Boolean)
    if (!flow || flow.fault === 'json-unavailable') return c.text('Not found', 404)
    return c.body(flow.flowJson ?? flowJsonFor(flow), 200, { 'content-type': 'application/json' })
  })

  app.delete(`${flowsPath}/:flowId`, async (c) => {
    const flows = channels.get(c.req.param('channelId'))!
    const flow = flowOf(c)
    if (!flow) return fail(c, 404, 1300, 'Flow not found')
    if (flow.status !== 'DRAFT') return fail(c, 400, 1000, 'Flow must be in DRAFT status')
    if (usedByTemplate(c.req.param('channelId'), flow.id)) return fail(c, 400, 1000, 'Flow is used by a message template and cannot be deleted')
    switch (flow.fault) {
      case 'server-error':
        return fail(c, 500, 2000, 'Internal server error')
      case 'hang':
        return waitForAbort(c.env?.callerSignal ?? c.req.raw.signal)
    }
    flows.delete(flow.id)
    // The spec documents 200 with no body (a guide says 204); the emulator follows the spec.
    return c.body(null, 200)
  })

  app.notFound((c) => fail(c, 404, 1300, 'Resource not found'))
  app.onError((_err, c) => fail(c, 500, 2000, 'Internal server error'))

  return {
    app,
    // Like the network's fetch, this rejects as soon as the caller aborts (the proxy's timeout).
    fetch: (input, init) => {
      const callerSignal = init?.signal ?? undefined
      const answer = Promise.resolve(app.fetch(new Request(input, init), { callerSignal }))
      return callerSignal ? Promise.race([answer, waitForAbort(callerSignal)]) : answer
    },
  }
}
