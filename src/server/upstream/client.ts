import { isErrorBody, proxyErrorCodes, type ErrorBody } from '../../shared/error-body'
import type { FlowList } from '../../shared/flow'
import type { FlowPathParams, ListFlowsQuery } from './api-types'
import { listFlowsResponseSchema } from './boundary'
import { ProxyError, UpstreamError } from './errors'

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

export type UpstreamClientOptions = {
  baseUrl: string
  apiKey: string
  timeoutMs: number
  fetch?: FetchLike
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

function flowsPath({ accountId, channelId }: ChannelScope): string {
  return `/api/v1/accounts/${encodeURIComponent(accountId)}/channels/${encodeURIComponent(channelId)}/flows`
}

/**
 * The one way to 8x8. Every failure becomes an UpstreamError (8x8 answered with its ErrorResponse) or a
 * ProxyError (8x8 timed out, was unreachable, or answered with something that is not 8x8's shape).
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const fetchImpl = options.fetch ?? globalThis.fetch
  let lastHealth: UpstreamHealth = { state: 'unknown' }

  async function call(method: string, path: string, callOptions: CallOptions = {}) {
    try {
      const result = await attempt(method, path, callOptions)
      lastHealth = { state: 'answering', status: result.response.status, at: new Date().toISOString() }
      return result
    } catch (error) {
      const status = error instanceof UpstreamError ? error.status : error instanceof ProxyError ? error.status : 0
      lastHealth = { state: status > 0 && status < 500 ? 'answering' : 'failing', status, at: new Date().toISOString() }
      throw error
    }
  }

  async function attempt(method: string, path: string, callOptions: CallOptions = {}) {
    const timeout = AbortSignal.timeout(options.timeoutMs)
    const signal = callOptions.signal ? AbortSignal.any([timeout, callOptions.signal]) : timeout
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
      if (timeout.aborted) throw timedOut(options.timeoutMs, error)
      throw new ProxyError(502, proxyErrorCodes.upstreamUnreachable, '8x8 could not be reached', { cause: error })
    }
    const readText = async () => {
      try {
        return await response.text()
      } catch (error) {
        if (timeout.aborted) throw timedOut(options.timeoutMs, error)
        throw new ProxyError(502, proxyErrorCodes.upstreamUnreachable, 'The connection to 8x8 broke off mid-answer', {
          cause: error,
        })
      }
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel()
      throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `8x8 answered with a redirect (HTTP ${response.status})`)
    }
    if (!response.ok) {
      const body = parseJson(await readText())
      if (!isErrorBody(body)) {
        throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, `8x8 answered HTTP ${response.status} without an 8x8 error body`, {
          detail: describe(response),
        })
      }
      throw new UpstreamError(response.status, withoutSecret(body, options.apiKey), response.headers.get('retry-after'))
    }
    return { response, readText }
  }

  return {
    health: () => lastHealth,

    async listFlows(scope, query, callOptions) {
      const search = query.limit === undefined ? '' : `?limit=${query.limit}`
      const { response, readText } = await call('GET', `${flowsPath(scope)}${search}`, callOptions)
      const body = parseJson(await readText())
      if (body === notJson) {
        throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, '8x8 answered with something that is not JSON', {
          detail: describe(response),
        })
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
      const { response } = await call('DELETE', `${flowsPath(params)}/${encodeURIComponent(params.flowId)}`, callOptions)
      // 200 with no body (spec) or 204 (guide): either way there is nothing to read.
      await response.body?.cancel()
    },
  }
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
