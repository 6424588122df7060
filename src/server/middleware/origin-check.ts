import type { MiddlewareHandler } from 'hono'
import { proxyErrorCodes } from '../../shared/error-codes'
import { ProxyError } from '../upstream/errors'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests that a browser sent from another site (CSRF):
 * - `X-Requested-With: XMLHttpRequest` is required: cross-site forms cannot set it, and a cross-site
 *   fetch that sets it needs a CORS preflight this server never approves;
 * - `Sec-Fetch-Site: cross-site` is refused;
 * - an `Origin` other than the host the request was addressed to is refused (so the check holds
 *   behind a reverse proxy that keeps the `Host` header).
 */
export function originCheck(): MiddlewareHandler {
  return async function checkOrigin(c, next) {
    if (safeMethods.has(c.req.method)) return next()
    if (c.req.header('x-requested-with') !== 'XMLHttpRequest') {
      throw new ProxyError(403, proxyErrorCodes.forbiddenOrigin, 'State-changing requests need the header X-Requested-With: XMLHttpRequest')
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw new ProxyError(403, proxyErrorCodes.forbiddenOrigin, 'Cross-site requests may not change anything')
    }
    const origin = c.req.header('origin')
    if (origin !== undefined && !isSameHost(origin, c.req.header('host'))) {
      throw new ProxyError(403, proxyErrorCodes.forbiddenOrigin, 'Requests from another origin may not change anything')
    }
    return next()
  }
}

function isSameHost(origin: string, host: string | undefined): boolean {
  if (host === undefined || origin === 'null') return false
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}
