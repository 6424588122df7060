import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorBody } from '../../shared/error-body'

/** 8x8 answered with its own ErrorResponse: the proxy passes status and body through untouched. */
export class UpstreamError extends Error {
  override name = 'UpstreamError'
  readonly status: number
  readonly body: ErrorBody
  readonly retryAfter: string | null

  constructor(status: number, body: ErrorBody, retryAfter: string | null) {
    super(body.message ?? `8x8 answered HTTP ${status} with code ${body.code}`)
    this.status = status
    this.body = body
    this.retryAfter = retryAfter
  }
}

/**
 * A failure the proxy reports itself (bad input, timeout, unreachable or malformed upstream). The
 * error handler gives it an errorId, logs it on the same line and answers `{ ..., source: "proxy" }`.
 */
export class ProxyError extends Error {
  override name = 'ProxyError'
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly detail?: string[]
  /** The status 8x8 answered with, when it answered with something unusable. */
  readonly upstreamStatus?: number
  /** Extra response headers (e.g. Retry-After). */
  readonly headers?: Record<string, string>
  /**
   * Made with the error, so that everything that records it (the audit log, the server log, the
   * answer the operator sees) quotes the same one.
   */
  readonly errorId = crypto.randomUUID()

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { cause?: unknown; detail?: string[]; upstreamStatus?: number; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause })
    this.status = status
    this.code = code
    this.detail = options.detail
    this.upstreamStatus = options.upstreamStatus
    this.headers = options.headers
  }
}

/** The caller (the browser) went away before 8x8 answered: nothing failed at 8x8 or on the way to it. */
export class CallerGoneError extends Error {
  override name = 'CallerGoneError'
}
