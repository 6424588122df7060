import type { Context, ErrorHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from 'pino'
import type { ErrorBody } from '../../shared/error-body'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { AppEnv } from '../app-env'
import type { FailedRequest } from '../../shared/lookup'
import { isDatabaseUnavailable } from '../store/database-errors'
import { CallerGoneError, ProxyError, UpstreamError } from '../upstream/errors'

// Every failure leaves the proxy as an ErrorBody. 8x8's own pass through untouched; anything else
// gets a fresh errorId, written to the log on the same line so support can find it.

/** Where a path names an account, a channel or a flow. */
const scopePattern = /^\/api\/v1\/accounts\/([^/]+)\/channels\/([^/]+)(?:\/flows\/([^/]+))?/

/** Why the server made an error, for support: what happened, the details, and the underlying error's code or name. */
function causeOf(error: ProxyError): string | null {
  const cause = error.cause as (Error & { code?: unknown }) | undefined
  const inner = cause?.cause instanceof Error ? (cause.cause as Error & { code?: unknown }) : cause
  const underlying = typeof inner?.code === 'string' ? inner.code : inner?.name
  const parts = [error.message, ...(error.detail ?? []), underlying].filter((part): part is string => typeof part === 'string' && part !== '' && part !== 'Error')
  return parts.join('; ').slice(0, 500)
}

/** Failures the operator never sees as an error (the browser's sign-in prompt) are not kept. */
const notRecorded = new Set<string | number>([proxyErrorCodes.unauthenticated])

/** What the browser gets for a failure: the body, its status and headers. */
export type ReportedFailure = { body: ErrorBody; status: ContentfulStatusCode; headers: Record<string, string> }

/**
 * Logs a failure, with its Error ID on the same line, and keeps it for support's lookup: every failure
 * the operator sees, whether it is the answer (the error handler) or told beside one (a stale list).
 */
export function failureReporter(logger: Logger, recordFailure?: (failure: FailedRequest) => void) {
  function record(c: Context<AppEnv>, failure: Omit<FailedRequest, 'requestId' | 'time' | 'method' | 'route' | 'accountId' | 'channelId' | 'flowId' | 'operator'>) {
    if (!recordFailure || notRecorded.has(failure.code)) return
    const [, accountId = null, channelId = null, flowId = null] = scopePattern.exec(c.req.path) ?? []
    const full: FailedRequest = {
      ...failure,
      requestId: c.get('requestId'),
      time: new Date().toISOString(),
      method: c.req.method,
      route: c.req.path.slice(0, 300),
      accountId: accountId?.slice(0, 100) ?? null,
      channelId: channelId?.slice(0, 130) ?? null,
      flowId: flowId?.slice(0, 100) ?? null,
      operator: c.get('operator') ?? null,
    }
    // Not awaited: the answer does not wait for the record (the recorder keeps what the store cannot take yet).
    recordFailure(full)
  }

  return function report(error: unknown, c: Context<AppEnv>): ReportedFailure {
    const requestId = c.get('requestId')
    if (error instanceof UpstreamError) {
      logger.warn(
        { requestId, status: error.status, code: error.body.code, errorId: error.body.errorId },
        `8x8 refused: ${error.message}`,
      )
      record(c, { errorId: error.body.errorId, status: error.status, code: error.body.code, message: error.body.message ?? null, source: 'upstream', cause: null })
      return { body: error.body, status: error.status as ContentfulStatusCode, headers: error.retryAfter === null ? {} : { 'retry-after': error.retryAfter } }
    }
    const known =
      error instanceof ProxyError
        ? error
        : isDatabaseUnavailable(error)
          ? new ProxyError(503, proxyErrorCodes.databaseUnavailable, 'The database is not answering; try again shortly', { cause: error, headers: { 'retry-after': '5' } })
          : new ProxyError(500, proxyErrorCodes.internal, 'Flows Admin failed unexpectedly', { cause: error })
    const body: ErrorBody = {
      code: known.code,
      message: known.message,
      errorId: known.errorId,
      timestamp: new Date().toISOString(),
      source: 'proxy',
    }
    const log = known.status >= 500 ? logger.error.bind(logger) : logger.warn.bind(logger)
    log(
      { requestId, status: known.status, code: body.code, errorId: body.errorId, detail: known.detail, err: known.cause },
      known.message,
    )
    record(c, { errorId: body.errorId, status: known.status, code: body.code, message: body.message ?? null, source: 'proxy', cause: causeOf(known) })
    return { body, status: known.status, headers: known.headers ?? {} }
  }
}

export type ReportFailure = ReturnType<typeof failureReporter>

/** Every failure leaves as an ErrorBody (8x8's own untouched), reported first. */
export function errorHandler(logger: Logger, report: ReportFailure): ErrorHandler<AppEnv> {
  return function onError(error, c) {
    if (error instanceof CallerGoneError) {
      // Nobody is left to read an answer; not an error of 8x8's or of this server's.
      logger.info({ requestId: c.get('requestId'), path: c.req.path }, 'client went away')
      return c.body(null, 499 as ContentfulStatusCode)
    }
    const { body, status, headers } = report(error, c)
    for (const [name, value] of Object.entries(headers)) c.header(name, value)
    // A person with no role opening a page: a page that says why, not JSON.
    if (body.code === proxyErrorCodes.forbiddenRole && !c.req.path.startsWith('/api/') && c.req.header('accept')?.includes('text/html')) return c.html(refusalPage(body), status)
    return c.json(body, status)
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** The page a person without a role sees: why, and the Error ID to give whoever runs Flows Admin. */
function refusalPage(body: ErrorBody): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>No access to Flows Admin</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem"><h1>No access to Flows Admin</h1><p>${escapeHtml(body.message ?? '')}</p><p>Error ID <code>${escapeHtml(body.errorId)}</code> (${escapeHtml(String(body.code))})</p></body></html>`
}
