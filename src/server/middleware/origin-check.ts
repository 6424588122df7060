import type { MiddlewareHandler } from 'hono'
import { proxyErrorCodes } from '../../shared/error-body'
import { ProxyError } from '../upstream/errors'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests that a browser sent from another site. Browsers always send
 * `Origin` on DELETE/POST/PUT/PATCH; a request with neither `Origin` nor `Sec-Fetch-*` headers
 * did not come from a browser (curl, scripts) and cannot be a cross-site forgery.
 * "Our own" origin is the host the request was addressed to, so the check holds behind a reverse
 * proxy that keeps the `Host` header.
 */
export function originCheck(): MiddlewareHandler {
  return async function checkOrigin(c, next) {
    if (safeMethods.has(c.req.method)) return next()
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
