import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { AppEnv } from '../app-env'

/** One line per request: who can trace an errorId also gets the request around it. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now()
    await next()
    logger.info(
      {
        requestId: c.get('requestId'),
        operator: c.get('operator') ?? undefined,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
      },
      'request',
    )
  }
}
