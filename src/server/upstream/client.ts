import { isErrorBody, type ErrorBody } from '../../shared/error-body'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { z } from 'zod'
import type { FlowTemplateList } from '../../shared/deleted-flows'
import type { FlowList, FlowPreview, FlowValidationError } from '../../shared/flow'
import { channelPath } from '../../shared/paths'
import type { CreateFlowRequest, FlowPathParams, ListFlowsQuery, PreviewFlowQuery, UpdateFlowRequest } from './api-types'
import {
  createFlowResponseSchema,
  flowDetailsResponseSchema,
  listFlowsResponseSchema,
  listTemplatesResponseSchema,
  previewResponseSchema,
  updateFlowResponseSchema,
  type FlowForBackup,
} from './boundary'
import { secretScrubber } from '../secret-scrubber'
import { CallerGoneError, ProxyError, UpstreamError } from './errors'
import { backoffDelay, createRateLimiter, parseRetryAfter, sleep, type RateLimiter } from './resilience'

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/**
 * What the client reads of an answer. A fetch Response is one; the live transport answers with just
 * this, its body already read (no web Response, Headers or stream on the way in).
 */
export type UpstreamResponse = {
  readonly status: number
  readonly ok: boolean
  readonly headers: { get(name: string): string | null }
  /** A stream to read (fetch), or a body its transport already read; null when there is none. */
  readonly body: ReadableStream<Uint8Array> | { cancel(): Promise<void> } | null
  text(): Promise<string>
}

/** How the client sends a request: fetch (tests, the sandbox's emulator), or undici's request in live mode. */
export type Transport = (input: string, init?: RequestInit) => Promise<UpstreamResponse>

export type UpstreamClientOptions = {
  baseUrl: string
  apiKey: string
  /** The whole operation's deadline, retries included. */
  timeoutMs: number
  fetch?: Transport
  /** Larger answers are refused (8x8's biggest, a list of 1000 flows, is about 100 kB). */
  maxResponseBytes?: number
  /** Shared by every call of this client, i.e. per API key. */
  rateLimiter?: RateLimiter
  retry?: { attempts: number; baseMs: number; capMs: number }
  random?: () => number
  /** After a failed call, how long readiness says degraded unless a later call gets an answer. */
  readinessRecoveryMs?: number
  now?: () => number
}

export type ChannelScope = Omit<FlowPathParams, 'flowId'>
/** Whether an operation's deadline has passed. */
type Deadline = { aborted: boolean }
export type CallOptions = { signal?: AbortSignal }

/**
 * How the last call to 8x8 went: 8x8 answered (any status below 500), or it did not. A failure older
 * than the recovery time is reported as `unknown` (with `lastFailure`), so an instance that a load
 * balancer took out for it comes back by itself and the next real call decides.
 */
export type UpstreamHealth = {
  state: 'unknown' | 'answering' | 'failing'
  status?: number
  at?: string
  lastFailure?: { status: number; at: string }
}

export type UpstreamClient = {
  listFlows(scope: ChannelScope, query: ListFlowsQuery, options?: CallOptions): Promise<FlowList>
  getFlow(params: FlowPathParams, options?: CallOptions): Promise<FlowForBackup>
  /** The flow's JSON as Meta's CDN serves it (fetched without the API key, from allowlisted hosts only). */
  getFlowJson(params: FlowPathParams, options?: CallOptions): Promise<{ name: string; json: string; validationErrorCount: number }>
  /** Details and JSON, read afresh (never joined to a read in flight): what a backup keeps. */
  readFlowForBackup(params: FlowPathParams): Promise<{ details: FlowForBackup; json: string }>
  /** Sent once, never retried: a repeat would create a second flow. */
  createFlow(scope: ChannelScope, body: CreateFlowRequest): Promise<{ id: string; validationErrors: FlowValidationError[] }>
  /** A draft's new name, categories, endpoint or JSON: sent once. 8x8 keeps a draft with errors and says which. */
  updateFlow(params: FlowPathParams, body: UpdateFlowRequest): Promise<{ validationErrors: FlowValidationError[] }>
  /** Publishes a draft: sent once; it cannot be undone. */
  publishFlow(params: FlowPathParams): Promise<void>
  /** The channel's templates that launch flows (FLOW buttons). */
  listFlowTemplates(scope: ChannelScope, options?: CallOptions): Promise<FlowTemplateList>
  getPreview(params: FlowPathParams, query: PreviewFlowQuery, options?: CallOptions): Promise<FlowPreview>
  deleteFlow(params: FlowPathParams, options?: CallOptions): Promise<void>
  deprecateFlow(params: FlowPathParams, options?: CallOptions): Promise<void>
  health(): UpstreamHealth
}

/** Where 8x8's flowJsonUrl may point: Meta's CDN (and, for test servers, 8x8's own origin). */
export function isAllowedFlowJsonUrl(url: string, baseUrl: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.origin === new URL(baseUrl).origin) return true
  const host = parsed.hostname
  return parsed.protocol === 'https:' && (host.endsWith('.whatsapp.net') || host.endsWith('.fbcdn.net'))
}

export const defaultRateLimit = { perMinute: 100, maxWaitMs: 5000 }
const defaultRetry = { attempts: 3, baseMs: 250, capMs: 2000 }
const defaultReadinessRecoveryMs = 30_000
const retryableStatuses = new Set([429, 502, 503, 504])

function flowsPath(scope: ChannelScope): string {
  return `${channelPath(scope)}/flows`
}

/**
 * The one way to 8x8. Every failure becomes an UpstreamError (8x8 answered with its ErrorResponse) or a
 * ProxyError (8x8 timed out, was unreachable, or answered with something that is not 8x8's shape).
 * Reads retry transient failures within the deadline; writes are never retried (see docs/decisions/0004).
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const fetchImpl: Transport = options.fetch ?? globalThis.fetch
  const maxBytes = options.maxResponseBytes ?? 5_000_000
  const limiter = options.rateLimiter ?? createRateLimiter(defaultRateLimit)
  const retry = options.retry ?? defaultRetry
  const random = options.random ?? Math.random
  const now = options.now ?? Date.now
  const recoveryMs = options.readinessRecoveryMs ?? defaultReadinessRecoveryMs
  const scrub = secretScrubber(options.apiKey)
  let lastHealth: UpstreamHealth & { atMs?: number } = { state: 'unknown' }

  function recordHealth(status: number) {
    const at = now()
    lastHealth = { state: status > 0 && status < 500 ? 'answering' : 'failing', status, at: new Date(at).toISOString(), atMs: at }
  }

  function health(): UpstreamHealth {
    const { atMs, ...reported } = lastHealth
    if (reported.state === 'failing' && atMs !== undefined && now() - atMs > recoveryMs) {
      return { state: 'unknown', lastFailure: { status: reported.status ?? 0, at: reported.at ?? '' } }
    }
    return reported
  }

  /**
   * The operation's deadline, and the signal that ends it early: the deadline or the caller's abort.
   * A plain timer, not AbortSignal.timeout(): Node holds those weakly, so a call whose only other
   * reference is a hung promise (an in-process emulator, a stalled peer) could be garbage-collected
   * and never time out. The timer is held by the event loop, and through it the whole call. `done`
   * must be called when the operation ends.
   */
  function withDeadline(callerSignal: AbortSignal | undefined) {
    const controller = new AbortController()
    const deadline: Deadline = { aborted: false }
    const timer = setTimeout(() => {
      deadline.aborted = true
      controller.abort(new DOMException(`no answer within ${options.timeoutMs} ms`, 'TimeoutError'))
    }, options.timeoutMs)
    const onCallerAbort = () => controller.abort(callerSignal?.reason)
    if (callerSignal?.aborted) onCallerAbort()
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
    return {
      deadline,
      signal: controller.signal,
      done() {
        clearTimeout(timer)
        callerSignal?.removeEventListener('abort', onCallerAbort)
      },
    }
  }

  /**
   * Sends one request (and for reads, its retries) and returns the 2xx answer's body text. A write's
   * answer is read only when it has one (`json`, e.g. create-flow's new id).
   */
  async function request(method: 'GET' | 'DELETE' | 'POST' | 'PUT', path: string, { signal: callerSignal, json }: CallOptions & { json?: unknown } = {}) {
    const { deadline, signal, done } = withDeadline(callerSignal)
    try {
      return await attempts(method, path, callerSignal, deadline, signal, json === undefined ? undefined : JSON.stringify(json))
    } finally {
      done()
    }
  }

  async function attempts(
    method: 'GET' | 'DELETE' | 'POST' | 'PUT',
    path: string,
    callerSignal: AbortSignal | undefined,
    deadline: Deadline,
    signal: AbortSignal,
    body: string | undefined,
  ) {
    const giveUpAt = Date.now() + options.timeoutMs
    for (let attempt = 1; ; attempt++) {
      try {
        await limiter.take(signal)
        const text = await send(method, path, signal, deadline, false, body)
        recordHealth(200)
        return text
      } catch (error) {
        if (callerGone(callerSignal, deadline)) throw new CallerGoneError('the caller went away before 8x8 answered', { cause: error })
        const failure = asFailure(error, deadline, options.timeoutMs)
        // Refused before reaching 8x8 (over the budget): not 8x8's health.
        if (!(failure instanceof ProxyError && failure.code === proxyErrorCodes.rateLimited)) recordHealth(failure.status)
        const delay = method === 'GET' && attempt < retry.attempts ? retryDelay(failure, attempt) : undefined
        if (delay === undefined || Date.now() + delay >= giveUpAt) throw failure
        try {
          await sleep(delay, signal)
        } catch {
          throw failure
        }
      }
    }
  }

  function retryDelay(failure: UpstreamError | ProxyError, attempt: number): number | undefined {
    const backoff = backoffDelay(attempt, retry, random)
    if (failure instanceof UpstreamError) {
      if (!retryableStatuses.has(failure.status)) return undefined
      return Math.max(backoff, parseRetryAfter(failure.retryAfter) ?? 0)
    }
    if (failure.code === proxyErrorCodes.upstreamUnreachable) return backoff
    if (failure.upstreamStatus !== undefined && retryableStatuses.has(failure.upstreamStatus)) return backoff
    return undefined
  }

  async function send(method: string, path: string, signal: AbortSignal, deadline: Deadline, toCdn = false, body?: string): Promise<string> {
    let response: UpstreamResponse
    try {
      // The key goes to 8x8 only, never to the CDN that serves flow JSON.
      const headers: Record<string, string> = toCdn ? { accept: 'application/json' } : { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' }
      if (body !== undefined) headers['content-type'] = 'application/json'
      response = await fetchImpl(toCdn ? path : `${options.baseUrl}${path}`, {
        method,
        headers,
        body,
        // A redirect would carry the key to wherever it points: refuse to follow it.
        redirect: 'manual',
        signal,
      })
    } catch (error) {
      if (deadline.aborted) throw timedOut(options.timeoutMs, error)
      throw new ProxyError(502, proxyErrorCodes.upstreamUnreachable, '8x8 could not be reached', { cause: error })
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel()
      throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `8x8 answered with a redirect (HTTP ${response.status})`, {
        upstreamStatus: response.status,
      })
    }
    if (response.ok && method !== 'GET' && body === undefined) {
      // Delete, deprecate: 200 with no body (spec) or 204 (guide): either way there is nothing to read.
      await response.body?.cancel()
      return ''
    }
    const text = await readCapped(response, maxBytes, deadline, options.timeoutMs)
    if (response.ok) return text
    if (toCdn) {
      throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `Meta's CDN answered HTTP ${response.status} for the flow JSON`, {
        detail: describe(response, scrub),
        upstreamStatus: response.status,
      })
    }
    const answer = parseJson(text)
    if (!isErrorBody(answer)) {
      throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `8x8 answered HTTP ${response.status} without an 8x8 error body`, {
        detail: describe(response, scrub),
        upstreamStatus: response.status,
      })
    }
    throw new UpstreamError(response.status, documentedFields(answer, scrub), safeRetryAfter(response.headers.get('retry-after')))
  }

  async function getFlow(params: FlowPathParams, callOptions?: CallOptions) {
    const text = await request('GET', flowPath(params), callOptions)
    return parse(flowDetailsResponseSchema, text, "8x8's flow details", scrub)
  }

  async function getFlowJson(params: FlowPathParams, callOptions?: CallOptions) {
    const { details, json } = await flowWithJson(params, callOptions)
    return { name: details.name, json, validationErrorCount: details.validationErrors.length }
  }

  async function flowWithJson(params: FlowPathParams, callOptions?: CallOptions) {
    const details = await getFlow(params, callOptions)
    if (details.flowJsonUrl === undefined) {
      throw new ProxyError(404, proxyErrorCodes.notFound, '8x8 gave no JSON for this flow')
    }
    if (!isAllowedFlowJsonUrl(details.flowJsonUrl, options.baseUrl)) {
      throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, "8x8's flow JSON address is not on Meta's CDN", {
        detail: [`host ${URL.canParse(details.flowJsonUrl) ? new URL(details.flowJsonUrl).host : 'unreadable'}`],
      })
    }
    const { deadline, signal, done } = withDeadline(callOptions?.signal)
    let json: string
    try {
      json = await send('GET', details.flowJsonUrl, signal, deadline, true)
    } catch (error) {
      if (callerGone(callOptions?.signal, deadline)) throw new CallerGoneError('the caller went away before the CDN answered', { cause: error })
      throw asFailure(error, deadline, options.timeoutMs)
    } finally {
      done()
    }
    if (parseJson(json) === notJson) {
      throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, 'The flow JSON from the CDN is not JSON')
    }
    return { details, json }
  }

  const reads = sharedReads()

  return {
    health,

    listFlows(scope, query, callOptions) {
      const path = `${flowsPath(scope)}${query.limit === undefined ? '' : `?limit=${query.limit}`}`
      return reads.share(path, callOptions?.signal, async (signal) =>
        parse(listFlowsResponseSchema, await request('GET', path, { signal }), "8x8's flow list", scrub),
      )
    },

    getFlow: (params, callOptions) => reads.share(flowPath(params), callOptions?.signal, (signal) => getFlow(params, { signal })),

    getFlowJson: (params, callOptions) => reads.share(`${flowPath(params)} json`, callOptions?.signal, (signal) => getFlowJson(params, { signal })),

    readFlowForBackup: (params) => flowWithJson(params),

    listFlowTemplates(scope, callOptions) {
      const path = `${channelPath(scope)}/templates`
      return reads.share(path, callOptions?.signal, async (signal) =>
        parse(listTemplatesResponseSchema, await request('GET', path, { signal }), "8x8's template list", scrub),
      )
    },

    async createFlow(scope, body) {
      reads.forget(flowsPath(scope))
      const created = parse(createFlowResponseSchema, await request('POST', flowsPath(scope), { json: body }), "8x8's answer to create-flow", scrub)
      if (!created.success) {
        // 8x8 said no in a 200 (the flow JSON did not pass Meta's checks): the operator sees Meta's reasons.
        throw new ProxyError(422, proxyErrorCodes.flowNotCreated, `8x8 did not create the flow${reasons(created.validationErrors, scrub)}`)
      }
      if (created.id === undefined) {
        throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, "8x8 answered create-flow without the new flow's id")
      }
      return { id: created.id, validationErrors: created.validationErrors }
    },

    async updateFlow(params, body) {
      reads.forget(flowsPath(params))
      // The spec answers a body; an empty 200 is a save with nothing to report.
      const text = await request('PUT', flowPath(params), { json: body })
      const saved = parse(updateFlowResponseSchema, text === '' ? '{}' : text, "8x8's answer to update-flow", scrub)
      if (!saved.success) {
        throw new ProxyError(422, proxyErrorCodes.flowNotCreated, `8x8 did not save the flow${reasons(saved.validationErrors, scrub)}`)
      }
      return { validationErrors: saved.validationErrors }
    },

    async publishFlow(params) {
      reads.forget(flowsPath(params))
      await request('POST', `${flowPath(params)}/publish`)
    },

    getPreview(params, query, callOptions) {
      const path = `${flowPath(params)}/preview${query.refresh ? '?refresh=true' : ''}`
      return reads.share(path, callOptions?.signal, async (signal) =>
        parse(previewResponseSchema, await request('GET', path, { signal }), "8x8's flow preview", scrub),
      )
    },

    async deprecateFlow(params, callOptions) {
      reads.forget(flowsPath(params))
      await request('POST', `${flowPath(params)}/deprecate`, callOptions)
    },

    async deleteFlow(params, callOptions) {
      reads.forget(flowsPath(params))
      await request('DELETE', flowPath(params), callOptions)
    },
  }
}

/**
 * Identical reads in flight share one call to 8x8 (same path, same query). The shared call runs on a
 * signal of its own: a caller that goes away stops waiting (CallerGoneError for it alone), and the call
 * is aborted only when its last caller has left. A write forgets the reads of its channel that are in
 * flight, so a read that arrives after the write began starts a call of its own.
 */
function sharedReads() {
  type Shared = { promise: Promise<unknown>; controller: AbortController; waiting: number }
  const inFlight = new Map<string, Shared>()

  return {
    share<T>(key: string, callerSignal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
      let shared = inFlight.get(key)
      if (!shared) {
        const controller = new AbortController()
        const created: Shared = { promise: run(controller.signal), controller, waiting: 0 }
        inFlight.set(key, created)
        const settled = () => {
          if (inFlight.get(key) === created) inFlight.delete(key)
        }
        created.promise.then(settled, settled)
        shared = created
      }
      const joined = shared
      joined.waiting += 1
      return new Promise<T>((resolve, reject) => {
        let done = false
        const finish = () => {
          done = true
          joined.waiting -= 1
          callerSignal?.removeEventListener('abort', leave)
        }
        function leave() {
          if (done) return
          finish()
          if (joined.waiting === 0) {
            if (inFlight.get(key) === joined) inFlight.delete(key)
            joined.controller.abort(callerSignal?.reason)
          }
          reject(new CallerGoneError('the caller went away before 8x8 answered'))
        }
        if (callerSignal?.aborted) return leave()
        callerSignal?.addEventListener('abort', leave, { once: true })
        joined.promise.then(
          (value) => {
            if (done) return
            finish()
            resolve(value as T)
          },
          (error: unknown) => {
            if (done) return
            finish()
            reject(error)
          },
        )
      })
    },
    forget(prefix: string) {
      for (const key of inFlight.keys()) if (key.startsWith(prefix)) inFlight.delete(key)
    },
  }
}

/** The caller (the browser's request) ended before 8x8 did: not 8x8's failure, and not to be retried. */
function callerGone(callerSignal: AbortSignal | undefined, deadline: Deadline) {
  return callerSignal?.aborted === true && !deadline.aborted
}

/** Meta's first reasons, for a refusal's message. */
function reasons(errors: FlowValidationError[], scrub: (text: string) => string): string {
  const first = errors.slice(0, 3).map((error) => scrub(error.message || error.error))
  return first.length > 0 ? `: ${first.join('; ')}` : ''
}

function flowPath(params: FlowPathParams): string {
  return `${flowsPath(params)}/${encodeURIComponent(params.flowId)}`
}

/** 8x8's answer, checked at the boundary: not JSON, or not the documented shape, is a 502 with the reason logged. */
function parse<S extends z.ZodType>(schema: S, text: string, what: string, scrub: (text: string) => string): z.output<S> {
  const body = parseJson(text)
  if (body === notJson) {
    throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, '8x8 answered with something that is not JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `${what} did not have the documented shape`, {
      // The path names come from 8x8's answer: scrubbed like anything else upstream-controlled.
      detail: parsed.error.issues.slice(0, 3).map((issue) => scrub(`${issue.path.join('.')}: ${issue.message}`)),
    })
  }
  return parsed.data
}

function asFailure(error: unknown, deadline: Deadline, timeoutMs: number): UpstreamError | ProxyError {
  if (error instanceof UpstreamError || error instanceof ProxyError) return error
  if (deadline.aborted) return timedOut(timeoutMs, error)
  return new ProxyError(502, proxyErrorCodes.upstreamUnreachable, '8x8 could not be reached', { cause: error })
}

/** Reads at most `maxBytes`; a larger or endless answer is cut off instead of filling memory. */
async function readCapped(response: UpstreamResponse, maxBytes: number, deadline: Deadline, timeoutMs: number): Promise<string> {
  const tooLarge = () =>
    new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `8x8's answer was larger than ${maxBytes} bytes`, {
      upstreamStatus: response.status,
    })
  const declared = response.headers.get('content-length')
  if (Number(declared ?? 0) > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (!response.body) return ''
  if (declared !== null || !(response.body instanceof ReadableStream)) {
    // A declared length within the cap: the HTTP client refuses a body longer than it says, so it can
    // be read in one go (much cheaper than chunk by chunk). A body that is not a stream was read by its
    // transport, which declares the length it read.
    try {
      return await response.text()
    } catch (error) {
      if (deadline.aborted) throw timedOut(timeoutMs, error)
      throw new ProxyError(502, proxyErrorCodes.upstreamUnreachable, 'The connection to 8x8 broke off mid-answer', { cause: error })
    }
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel()
        throw tooLarge()
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof ProxyError) throw error
    if (deadline.aborted) throw timedOut(timeoutMs, error)
    throw new ProxyError(502, proxyErrorCodes.upstreamUnreachable, 'The connection to 8x8 broke off mid-answer', { cause: error })
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

/**
 * What of 8x8's error body passes on to the browser and into the log: the documented fields only
 * (code, message, errorId, timestamp), each scrubbed of the key should 8x8 or a gateway echo it back.
 * Anything else (nested details, echoed request headers, a `source` claiming to be the proxy) is dropped.
 */
function documentedFields(body: ErrorBody, scrub: (text: string) => string): ErrorBody {
  return {
    code: typeof body.code === 'string' ? scrub(body.code) : body.code,
    ...(body.message === undefined ? {} : { message: scrub(body.message) }),
    errorId: scrub(body.errorId),
    timestamp: scrub(body.timestamp),
  }
}

const httpDate = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

/** Retry-After as 8x8 may send it: seconds or an HTTP date. Anything else is not passed on. */
function safeRetryAfter(value: string | null): string | null {
  if (value === null) return null
  const trimmed = value.trim()
  return /^\d{1,6}$/.test(trimmed) || httpDate.test(trimmed) ? trimmed : null
}

const notJson = Symbol('not JSON')

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return notJson
  }
}

function timedOut(timeoutMs: number, cause: unknown) {
  return new ProxyError(504, proxyErrorCodes.upstreamTimeout, `8x8 did not answer within ${timeoutMs} ms`, { cause })
}

/** What the log may say about a bad answer: never its body, which could echo anything back. */
function describe(response: UpstreamResponse, scrub: (text: string) => string): string[] {
  // The media type only (its parameters can carry anything), and only if it looks like one.
  const raw = response.headers.get('content-type')
  const mediaType = raw?.split(';')[0].trim().toLowerCase() ?? ''
  const shown = raw === null ? 'none' : /^[\w.+-]{1,40}\/[\w.+-]{1,60}$/.test(mediaType) ? scrub(mediaType) : 'unreadable'
  return [`status ${response.status}`, `content-type ${shown}`]
}
