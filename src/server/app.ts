import { Hono, type Context } from 'hono'
import { requestId } from 'hono/request-id'
import type { Logger } from 'pino'
import { proxyErrorCodes } from '../shared/error-codes'
import type { AppConfig } from '../shared/flow'
import type { AppEnv } from './app-env'
import type { AuditLog } from './audit/audit-log'
import type { ServerConfig } from './config'
import { authenticate, type AuthDependencies } from './auth/authenticate'
import { createFailureRecorder } from './failure-recorder'
import { errorHandler, failureReporter } from './middleware/error-handler'
import { hostCheck } from './middleware/host-check'
import { originCheck } from './middleware/origin-check'
import { requestLog } from './middleware/request-log'
import { securityHeaders } from './middleware/security-headers'
import type { PageData } from './spa'
import type { ChangeLock } from './routes/change-lock'
import { flowRoutes } from './routes/flows'
import { auditExportRoutes } from './routes/audit-export'
import { lookupRoutes } from './routes/lookup'
import type { Store } from './store/open-store'
import type { UpstreamClient } from './upstream/client'
import { ProxyError } from './upstream/errors'
import { accessFacts } from './auth/access'

export type AppDependencies = {
  config: ServerConfig
  upstream: UpstreamClient
  logger: Logger
  audit: AuditLog
  /** The TCP peer's address, for AUTH_MODE=header and sign-in throttling (main.ts reads the socket). */
  remoteAddress?: AuthDependencies['remoteAddress']
  /** The port the server listens on (known once it does); the Host check wants it with AUTH_MODE=none. */
  listeningPort?: () => number | undefined
  /**
   * The durable store: failed requests, lookups, copies of deleted flows, and its health in /readyz.
   * Absent in most API tests (deletes then keep no copy and the audit trail says so).
   */
  store?: Pick<Store, 'recordFailure' | 'lookup' | 'exportAudit' | 'ping' | 'engine' | 'backups' | 'versions'>
  /** Password verification (tests count the checks). */
  verifyPassword?: AuthDependencies['verifyPassword']
  /** The sign-in throttle (shared through Postgres when several instances run). */
  signInThrottle?: AuthDependencies['throttle']
  /** One change per flow at a time (shared through Postgres when several instances run). */
  changeLock?: ChangeLock
  /** How often a failed request the database could not take is tried again (tests: a few ms). */
  failureRetryMs?: number
  /** Serves the built SPA with history fallback (production). Absent in dev (Vite serves it) and API tests. */
  spa?: (app: Hono<AppEnv>, data: PageData) => void
}

export function createApp({ config, upstream, logger, audit, store, spa, remoteAddress = () => undefined, listeningPort = () => undefined, verifyPassword, signInThrottle, changeLock, failureRetryMs }: AppDependencies) {
  const app = new Hono<AppEnv>()
  const failures = store && createFailureRecorder((failure) => store.recordFailure(failure), logger, { retryMs: failureRetryMs })
  const reportFailure = failureReporter(logger, failures?.record)

  app.use(requestId())
  app.use(requestLog(logger))
  app.use(securityHeaders({ framesSelf: config.mode === 'sandbox' }))
  app.use(hostCheck(config, { listeningPort, logger }))
  app.use(authenticate(config.auth, { logger, remoteAddress, verifyPassword, throttle: signInThrottle, roles: config.roles, channels: config.channels }))
  // Set before the handler answers: a header added to a finished response makes Hono copy the response.
  app.use('/api/*', async function noStore(c, next) {
    c.header('cache-control', 'no-store')
    await next()
  })
  app.use('/api/*', originCheck())

  app.get('/healthz', (c) => c.json({ status: 'ok' }))

  // For load balancers: the configuration was valid (or the process would not run), the database
  // answers, and, in live mode, the last call to 8x8 got an answer. 503 while either does not.
  app.get('/readyz', async (c) => {
    const health = upstream.health()
    const database = store ? { engine: store.engine, state: (await store.ping()) ? 'answering' : 'failing' } : undefined
    const failing = health.state === 'failing' || database?.state === 'failing'
    return c.json({ status: failing ? 'degraded' : 'ready', mode: config.mode, upstream: health, database }, failing ? 503 : 200)
  })

  // Also written into the page the server serves (spa.ts), so the browser need not ask for it.
  const appConfig = (c: Context<AppEnv>): AppConfig => ({
    mode: config.mode,
    accountId: config.accountId,
    channels: config.channels,
    auth: config.auth.mode,
    operator: c.get('operator'),
    upstreamTimeoutMs: config.upstream.timeoutMs,
    retentionDays: config.retentionDays,
    keepsDeletedFlows: store !== undefined,
    ...accessFacts(c.get('access'), config.channels),
  })
  app.get('/api/config', (c) => c.json(appConfig(c)))

  app.route('/api/v1', flowRoutes({ config, upstream, audit, logger, changeLock, backups: store?.backups, versions: store?.versions, reportFailure }))
  if (store) {
    app.route('/api/v1', lookupRoutes({ store, retentionDays: config.retentionDays, waitingFailures: failures!.waitingFor }))
    app.route('/api/v1', auditExportRoutes({ store }))
  }

  app.all('/api/*', () => {
    throw new ProxyError(404, proxyErrorCodes.notFound, 'No such API route')
  })

  // A page's own reads go through the whole app (sign-in, Host check, logging) as the browser's would,
  // asking for the answer uncompressed: it is read here, not sent on. A reload's Cache-Control is not
  // passed on: page loads take the list just read (only the app's Refresh asks 8x8 anew).
  const ownRead = async (c: Context<AppEnv>, path: string) => {
    const headers = new Headers(c.req.raw.headers)
    for (const name of ['accept-encoding', 'cache-control', 'pragma']) headers.delete(name)
    return app.fetch(new Request(new URL(path, c.req.url), { headers }), c.env)
  }
  spa?.(app, { appConfig, logger, read: ownRead })

  const onError = errorHandler(logger, reportFailure)
  app.notFound((c) => onError(new ProxyError(404, proxyErrorCodes.notFound, 'Not found'), c))
  app.onError(onError)
  return app
}
