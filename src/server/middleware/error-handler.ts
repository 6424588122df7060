import type { ErrorHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Logger } from 'pino'
import { proxyErrorCodes, type ErrorBody } from '../../shared/error-body'
import type { AppEnv } from '../app-env'
import { CallerGoneError, ProxyError, UpstreamError } from '../upstream/errors'

/**
 * Every failure leaves the proxy as an ErrorBody. 8x8's own pass through untouched; anything else
 * gets a fresh errorId, written to the log on the same line so support can find it.
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return function onError(error, c) {
    const requestId = c.get('requestId')
    if (error instanceof CallerGoneError) {
      // Nobody is left to read an answer; not an error of 8x8's or of this server's.
      logger.info({ requestId, path: c.req.path }, 'client went away')
      return c.body(null, 499 as ContentfulStatusCode)
    }
    if (error instanceof UpstreamError) {
      logger.warn(
        { requestId, status: error.status, code: error.body.code, errorId: error.body.errorId },
        `8x8 refused: ${error.message}`,
      )
      if (error.retryAfter !== null) c.header('retry-after', error.retryAfter)
      return c.json(error.body, error.status as ContentfulStatusCode)
    }
    const known =
      error instanceof ProxyError
        ? error
        : new ProxyError(500, proxyErrorCodes.internal, 'Flows Admin failed unexpectedly', { cause: error })
    const body: ErrorBody = {
      code: known.code,
      message: known.message,
      errorId: known.errorId,
      timestamp: new Date().toISOString(),
      source: 'proxy',
    }
    for (const [name, value] of Object.entries(known.headers ?? {})) c.header(name, value)
    const log = known.status >= 500 ? logger.error.bind(logger) : logger.warn.bind(logger)
    log(
      { requestId, status: known.status, code: body.code, errorId: body.errorId, detail: known.detail, err: known.cause },
      known.message,
    )
    return c.json(body, known.status)
  }
}
