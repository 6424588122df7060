import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { AppEnv } from '../app-env'
import type { ServerConfig } from '../config'
import { ProxyError } from '../upstream/errors'

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]'])
/** Load balancers probe these by the instance's address; they reveal nothing and change nothing. */
const anyHost = new Set(['/healthz', '/readyz'])

/** `Host` split into a lower-case name (IPv6 in brackets) and its port ('' when absent). */
export function splitHost(host: string): { name: string; port: string } {
  const lower = host.trim().toLowerCase()
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(lower)
  return match ? { name: match[1], port: match[2] ?? '' } : { name: lower, port: '' }
}

/**
 * Refuses requests addressed to a host this server is not, before anything else runs. Without it, a
 * page on attacker.example whose name is rebound to 127.0.0.1 is "same origin" with this server in the
 * victim's browser (DNS rebinding), and the Origin check alone cannot tell.
 * - AUTH_MODE=none: only loopback names (localhost, 127.0.0.1, [::1]) with the port the server listens on;
 * - otherwise, when ALLOWED_HOSTS is set: only the listed hosts (a name without a port: any port).
 */
export function hostCheck(
  config: Pick<ServerConfig, 'auth' | 'allowedHosts'>,
  { listeningPort, logger }: { listeningPort: () => number | undefined; logger: Logger },
): MiddlewareHandler<AppEnv> {
  const listed = config.allowedHosts?.map(splitHost)

  function allowed(host: string): boolean {
    const { name, port } = splitHost(host)
    if (config.auth.mode === 'none') {
      const expected = listeningPort()
      return loopbackNames.has(name) && (expected === undefined || Number(port === '' ? 80 : port) === expected)
    }
    if (listed === undefined) return true
    return listed.some((entry) => entry.name === name && (entry.port === '' || entry.port === port))
  }

  return async function checkHost(c, next) {
    if (anyHost.has(c.req.path)) return next()
    const host = c.req.header('host') ?? new URL(c.req.url).host
    if (!allowed(host)) {
      logger.warn({ requestId: c.get('requestId'), host: host.slice(0, 100) }, 'request for a host this server does not serve')
      throw new ProxyError(
        421,
        proxyErrorCodes.misdirectedHost,
        config.auth.mode === 'none'
          ? 'Flows Admin without sign-in answers only on this computer: open it at localhost or 127.0.0.1'
          : 'Flows Admin does not answer to this host name (see ALLOWED_HOSTS)',
      )
    }
    return next()
  }
}
