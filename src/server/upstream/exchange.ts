import { isErrorBody } from '../../shared/error-body'
import { proxyErrorCodes } from '../../shared/error-codes'
import { describe, documentedFields, parseJson, readCapped, safeRetryAfter, timedOut } from './answers'
import type { Deadline, Transport, UpstreamResponse } from './client-types'
import { ProxyError, UpstreamError } from './errors'

export type ExchangeOptions = { fetch: Transport; baseUrl: string; apiKey: string; maxBytes: number; timeoutMs: number; scrub: (text: string) => string }

/**
 * One request to 8x8 (or, `toCdn`, to Meta's CDN for a flow's JSON) and its 2xx answer's text. Every
 * other outcome is an UpstreamError (8x8's own error body) or a ProxyError (no answer in time, none at
 * all, a redirect, or something that is not 8x8's shape). No retries here: the client decides those.
 */
export function exchange({ fetch: fetchImpl, baseUrl, apiKey, maxBytes, timeoutMs, scrub }: ExchangeOptions) {
  return async function send(method: string, path: string, signal: AbortSignal, deadline: Deadline, toCdn = false, body?: string): Promise<string> {
    let response: UpstreamResponse
    try {
      // The key goes to 8x8 only, never to the CDN that serves flow JSON.
      const headers: Record<string, string> = toCdn ? { accept: 'application/json' } : { authorization: `Bearer ${apiKey}`, accept: 'application/json' }
      if (body !== undefined) headers['content-type'] = 'application/json'
      response = await fetchImpl(toCdn ? path : `${baseUrl}${path}`, {
        method,
        headers,
        body,
        // A redirect would carry the key to wherever it points: refuse to follow it.
        redirect: 'manual',
        signal,
      })
    } catch (error) {
      if (deadline.aborted) throw timedOut(timeoutMs, error)
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
    // A flow's JSON from the CDN keeps its byte order mark, if it has one.
    const text = await readCapped(response, maxBytes, deadline, timeoutMs, { keepBom: toCdn })
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
}
