import { isErrorBody, proxyErrorCodes, type ErrorBody } from '../../shared/error-body'
import type { FlowList } from '../../shared/flow'
import type { FlowPathParams, ListFlowsQuery } from './api-types'
import { listFlowsResponseSchema } from './boundary'
import { ProxyError, UpstreamError } from './errors'
import { backoffDelay, createRateLimiter, parseRetryAfter, sleep, type RateLimiter } from './resilience'

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

export type UpstreamClientOptions = {
  baseUrl: string
  apiKey: string
  /** The whole operation's deadline, retries included. */
  timeoutMs: number
  fetch?: FetchLike
  /** Larger answers are refused (8x8's biggest, a list of 1000 flows, is about 100 kB). */
  maxResponseBytes?: number
  /** Shared by every call of this client, i.e. per API key. */
  rateLimiter?: RateLimiter
  retry?: { attempts: number; baseMs: number; capMs: number }
  random?: () => number
}

export type ChannelScope = Omit<FlowPathParams, 'flowId'>
export type CallOptions = { signal?: AbortSignal }

/** How the last call to 8x8 went: 8x8 answered (any status below 500), or it did not. */
export type UpstreamHealth = { state: 'unknown' | 'answering' | 'failing'; status?: number; at?: string }

export type UpstreamClient = {
  listFlows(scope: ChannelScope, query: ListFlowsQuery, options?: CallOptions): Promise<FlowList>
  deleteFlow(params: FlowPathParams, options?: CallOptions): Promise<void>
  health(): UpstreamHealth
}

export const defaultRateLimit = { perMinute: 100, maxWaitMs: 5000 }
const defaultRetry = { attempts: 3, baseMs: 250, capMs: 2000 }
const retryableStatuses = new Set([429, 502, 503, 504])

function flowsPath({ accountId, channelId }: ChannelScope): string {
  return `/api/v1/accounts/${encodeURIComponent(accountId)}/channels/${encodeURIComponent(channelId)}/flows`
}

/**
 * The one way to 8x8. Every failure becomes an UpstreamError (8x8 answered with its ErrorResponse) or a
 * ProxyError (8x8 timed out, was unreachable, or answered with something that is not 8x8's shape).
 * Reads retry transient failures within the deadline; writes are never retried (see docs/decisions/0004).
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const maxBytes = options.maxResponseBytes ?? 5_000_000
  const limiter = options.rateLimiter ?? createRateLimiter(defaultRateLimit)
  const retry = options.retry ?? defaultRetry
  const random = options.random ?? Math.random
  let lastHealth: UpstreamHealth = { state: 'unknown' }

  function recordHealth(status: number) {
    lastHealth = { state: status > 0 && status < 500 ? 'answering' : 'failing', status, at: new Date().toISOString() }
  }

  /** Sends one request (and for reads, its retries) and returns the 2xx answer's body text. */
  async function request(method: 'GET' | 'DELETE', path: string, { signal: callerSignal }: CallOptions = {}) {
    const deadline = AbortSignal.timeout(options.timeoutMs)
    const signal = callerSignal ? AbortSignal.any([deadline, callerSignal]) : deadline
    const giveUpAt = Date.now() + options.timeoutMs
    for (let attempt = 1; ; attempt++) {
      try {
        await limiter.take(signal)
        const text = await send(method, path, signal, deadline)
        recordHealth(200)
        return text
      } catch (error) {
        const failure = asFailure(error, deadline, options.timeoutMs)
        if (!(failure instanceof ProxyError && failure.code === proxyErrorCodes.rateLimited)) {
          recordHealth(failure.status)
        }
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

  async function send(method: string, path: string, signal: AbortSignal, deadline: AbortSignal): Promise<string> {
    let response: Response
    try {
      response = await fetchImpl(`${options.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' },
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
    if (response.ok && method === 'DELETE') {
      // 200 with no body (spec) or 204 (guide): either way there is nothing to read.
      await response.body?.cancel()
      return ''
    }
    const text = await readCapped(response, maxBytes, deadline, options.timeoutMs)
    if (response.ok) return text
    const body = parseJson(text)
    if (!isErrorBody(body)) {
      throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `8x8 answered HTTP ${response.status} without an 8x8 error body`, {
        detail: describe(response),
        upstreamStatus: response.status,
      })
    }
    throw new UpstreamError(response.status, withoutSecret(body, options.apiKey), response.headers.get('retry-after'))
  }

  return {
    health: () => lastHealth,

    async listFlows(scope, query, callOptions) {
      const search = query.limit === undefined ? '' : `?limit=${query.limit}`
      const body = parseJson(await request('GET', `${flowsPath(scope)}${search}`, callOptions))
      if (body === notJson) {
        throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, '8x8 answered with something that is not JSON')
      }
      const parsed = listFlowsResponseSchema.safeParse(body)
      if (!parsed.success) {
        throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, "8x8's flow list did not have the documented shape", {
          detail: parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        })
      }
      return parsed.data
    },

    async deleteFlow(params, callOptions) {
      await request('DELETE', `${flowsPath(params)}/${encodeURIComponent(params.flowId)}`, callOptions)
    },
  }
}

function asFailure(error: unknown, deadline: AbortSignal, timeoutMs: number): UpstreamError | ProxyError {
  if (error instanceof UpstreamError || error instanceof ProxyError) return error
  if (deadline.aborted) return timedOut(timeoutMs, error)
  return new ProxyError(502, proxyErrorCodes.upstreamUnreachable, '8x8 could not be reached', { cause: error })
}

/** Reads at most `maxBytes`; a larger or endless answer is cut off instead of filling memory. */
async function readCapped(response: Response, maxBytes: number, deadline: AbortSignal, timeoutMs: number): Promise<string> {
  const tooLarge = () =>
    new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `8x8's answer was larger than ${maxBytes} bytes`, {
      upstreamStatus: response.status,
    })
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (!response.body) return ''
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
 * 8x8's error body passes on to the browser and into the log. Should it ever echo the key back
 * (a debugging gateway, a verbose message), the key is cut out first.
 */
function withoutSecret(body: ErrorBody, secret: string): ErrorBody {
  const scrub = <T,>(value: T): T => (typeof value === 'string' ? (value.replaceAll(secret, '[redacted]') as T) : value)
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, scrub(value)])) as ErrorBody
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
function describe(response: Response): string[] {
  return [`status ${response.status}`, `content-type ${response.headers.get('content-type') ?? 'none'}`]
}
