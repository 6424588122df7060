import { proxyErrorCodes } from '../../shared/error-codes'
import type { FlowPathParams, ListFlowsQuery } from './api-types'
import { channelPath } from '../../shared/paths'
import { flowPath, flowsPath, isAllowedFlowJsonUrl } from './upstream-paths'
import {
  flowDetailsResponseSchema,
  listFlowsResponseSchema,
  listTemplatesResponseSchema,
  previewResponseSchema,
} from './boundary'
import { secretScrubber } from '../secret-scrubber'
import { asFailure, callerGone, isFlowJsonText, parse } from './answers'
import type { CallOptions, ChannelScope, Deadline, Transport, UpstreamClient, UpstreamClientOptions, UpstreamHealth } from './client-types'
import { CallerGoneError, ProxyError, UpstreamError } from './errors'
import { backoffDelay, createRateLimiter, parseRetryAfter, sleep, type CallPriority } from './resilience'
import { recentReads } from './recent-reads'
import { sharedReads } from './shared-reads'
import { flowWrites } from './flow-writes'
import { exchange } from './exchange'

export type * from './client-types'
export { isAllowedFlowJsonUrl } from './upstream-paths'

const listPath = (scope: ChannelScope, query: ListFlowsQuery) => `${flowsPath(scope)}${query.limit === undefined ? '' : `?limit=${query.limit}`}`
const templatesPath = (scope: ChannelScope) => `${channelPath(scope)}/templates`

export const defaultRateLimit = { perMinute: 100, maxWaitMs: 5000 }
const defaultRetry = { attempts: 3, baseMs: 250, capMs: 2000 }
const defaultReadinessRecoveryMs = 30_000
const retryableStatuses = new Set([429, 502, 503, 504])

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
  const send = exchange({ fetch: fetchImpl, baseUrl: options.baseUrl, apiKey: options.apiKey, maxBytes, timeoutMs: options.timeoutMs, scrub })
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
  async function request(method: 'GET' | 'DELETE' | 'POST' | 'PUT', path: string, { signal: callerSignal, json, priority }: CallOptions & { json?: unknown } = {}) {
    const { deadline, signal, done } = withDeadline(callerSignal)
    // A write is a change; a read is one unless a change asked for it.
    const turn = method === 'GET' ? (priority ?? 'read') : 'change'
    try {
      return await attempts(method, path, callerSignal, deadline, signal, json === undefined ? undefined : JSON.stringify(json), turn)
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
    priority: CallPriority,
  ) {
    const giveUpAt = Date.now() + options.timeoutMs
    for (let attempt = 1; ; attempt++) {
      try {
        await limiter.take(signal, priority)
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
    if (!isFlowJsonText(json)) {
      throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, 'The flow JSON from the CDN is not JSON')
    }
    return { details, json }
  }

  const reads = sharedReads()
  const recent = recentReads({ reuseMs: options.listReuseMs ?? 0, now })

  /** A channel's list or templates: what was just read, or one call shared by the reads in flight. */
  function channelRead<T>(scope: ChannelScope, path: string, callOptions: CallOptions | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return recent.read(channelPath(scope), path, callOptions?.fresh === true, () => reads.share(path, callOptions?.signal, run))
  }

  return {
    health,

    listFlows(scope, query, callOptions) {
      const path = listPath(scope, query)
      return channelRead(scope, path, callOptions, async (signal) =>
        parse(listFlowsResponseSchema, await request('GET', path, { signal, priority: callOptions?.priority }), "8x8's flow list", scrub),
      )
    },

    lastList: (scope, query) => recent.last(listPath(scope, query)),

    getFlow: (params, callOptions) =>
      callOptions?.priority === 'change' ? getFlow(params, callOptions) : reads.share(flowPath(params), callOptions?.signal, (signal) => getFlow(params, { signal })),

    getFlowJson: (params, callOptions) =>
      callOptions?.priority === 'change' ? getFlowJson(params, callOptions) : reads.share(`${flowPath(params)} json`, callOptions?.signal, (signal) => getFlowJson(params, { signal })),

    readFlowForBackup: (params) => flowWithJson(params, { priority: 'change' }),

    listFlowTemplates(scope, callOptions) {
      const path = templatesPath(scope)
      return channelRead(scope, path, callOptions, async (signal) => parse(listTemplatesResponseSchema, await request('GET', path, { signal }), "8x8's template list", scrub))
    },

    lastTemplates: (scope) => recent.last(templatesPath(scope)),

    ...flowWrites({
      request,
      forget: (scope) => {
        reads.forget(flowsPath(scope))
        recent.changing(channelPath(scope))
      },
      scrub,
    }),

    getPreview(params, query, callOptions) {
      const path = `${flowPath(params)}/preview${query.refresh ? '?refresh=true' : ''}`
      return reads.share(path, callOptions?.signal, async (signal) =>
        parse(previewResponseSchema, await request('GET', path, { signal }), "8x8's flow preview", scrub),
      )
    },

  }
}

