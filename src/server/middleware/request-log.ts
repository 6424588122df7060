import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { AppEnv } from '../app-env'

/**
 * One line per request: who can trace an errorId also gets the request around it. Written once the
 * answer is on its way (the next turn of the event loop), so the line's serialising, redaction and
 * write are not part of the answer's latency.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now()
    await next()
    const line = {
      requestId: c.get('requestId'),
      operator: c.get('operator') ?? undefined,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
    }
    setImmediate(() => logger.info(line, 'request'))
  }
}
