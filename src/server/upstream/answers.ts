import type { z } from 'zod'
import type { ErrorBody } from '../../shared/error-body'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { FlowValidationError } from '../../shared/flow'
import type { Deadline, UpstreamResponse } from './client-types'
import { ProxyError, UpstreamError } from './errors'

// 8x8's answers as the client reads them: capped, parsed at the boundary, scrubbed of the key, and
// every failure mapped to an UpstreamError (8x8 said so) or a ProxyError (the way to it failed).

/** The caller (the browser's request) ended before 8x8 did: not 8x8's failure, and not to be retried. */
export function callerGone(callerSignal: AbortSignal | undefined, deadline: Deadline) {
  return callerSignal?.aborted === true && !deadline.aborted
}

/** Meta's first reasons, for a refusal's message. */
export function reasons(errors: FlowValidationError[], scrub: (text: string) => string): string {
  const first = errors.slice(0, 3).map((error) => scrub(error.message || error.error))
  return first.length > 0 ? `: ${first.join('; ')}` : ''
}

/** 8x8's answer, checked at the boundary: not JSON, or not the documented shape, is a 502 with the reason logged. */
export function parse<S extends z.ZodType>(schema: S, text: string, what: string, scrub: (text: string) => string): z.output<S> {
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

export function asFailure(error: unknown, deadline: Deadline, timeoutMs: number): UpstreamError | ProxyError {
  if (error instanceof UpstreamError || error instanceof ProxyError) return error
  if (deadline.aborted) return timedOut(timeoutMs, error)
  return new ProxyError(502, proxyErrorCodes.upstreamUnreachable, '8x8 could not be reached', { cause: error })
}

/** Reads at most `maxBytes`; a larger or endless answer is cut off instead of filling memory. */
/**
 * The answer's text, as UTF-8, at most `maxBytes` of it. `keepBom`: a leading byte order mark stays
 * (a flow's JSON is kept byte for byte); otherwise it is dropped, as fetch's text() does.
 */
export async function readCapped(response: UpstreamResponse, maxBytes: number, deadline: Deadline, timeoutMs: number, { keepBom = false } = {}): Promise<string> {
  const decode = (bytes: Uint8Array | ArrayBuffer) => new TextDecoder('utf-8', { ignoreBOM: keepBom }).decode(bytes)
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
      return keepBom ? decode(await response.arrayBuffer()) : await response.text()
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
  return decode(Buffer.concat(chunks))
}

/**
 * What of 8x8's error body passes on to the browser and into the log: the documented fields only
 * (code, message, errorId, timestamp), each scrubbed of the key should 8x8 or a gateway echo it back.
 * Anything else (nested details, echoed request headers, a `source` claiming to be the proxy) is dropped.
 */
export function documentedFields(body: ErrorBody, scrub: (text: string) => string): ErrorBody {
  return {
    code: typeof body.code === 'string' ? scrub(body.code) : body.code,
    ...(body.message === undefined ? {} : { message: scrub(body.message) }),
    errorId: scrub(body.errorId),
    timestamp: scrub(body.timestamp),
  }
}

export const httpDate = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

/** Retry-After as 8x8 may send it: seconds or an HTTP date. Anything else is not passed on. */
export function safeRetryAfter(value: string | null): string | null {
  if (value === null) return null
  const trimmed = value.trim()
  return /^\d{1,6}$/.test(trimmed) || httpDate.test(trimmed) ? trimmed : null
}

export const notJson = Symbol('not JSON')

/**
 * Whether a flow's JSON as the CDN served it is JSON, as far as a console that keeps it byte for byte
 * cares: a leading byte order mark, and raw control characters in its strings (a NUL an API client
 * sent), are let through; an HTML page or a cut-off body is not.
 */
export function isFlowJsonText(text: string): boolean {
  // oxlint-disable-next-line no-control-regex -- raw control characters are what is let through
  return parseJson(text.replace(/^\ufeff/, '').replace(/[\u0000-\u001f]/g, ' ')) !== notJson
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return notJson
  }
}

export function timedOut(timeoutMs: number, cause: unknown) {
  return new ProxyError(504, proxyErrorCodes.upstreamTimeout, `8x8 did not answer within ${timeoutMs} ms`, { cause })
}

/** What the log may say about a bad answer: never its body, which could echo anything back. */
export function describe(response: UpstreamResponse, scrub: (text: string) => string): string[] {
  // The media type only (its parameters can carry anything), and only if it looks like one.
  const raw = response.headers.get('content-type')
  const mediaType = raw?.split(';')[0].trim().toLowerCase() ?? ''
  const shown = raw === null ? 'none' : /^[\w.+-]{1,40}\/[\w.+-]{1,60}$/.test(mediaType) ? scrub(mediaType) : 'unreadable'
  return [`status ${response.status}`, `content-type ${shown}`]
}
