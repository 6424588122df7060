import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createApp } from './app'
import { ConfigError, loadConfig, type ServerConfig } from './config'
import { createLogger } from './logger'
import { createCopySettler } from './recovery/copy-settler'
import { deleteSettledWithinMs } from './recovery/delete-outcome'
import { startServer, type RunningServer } from './serve'
import { spa } from './spa'
import { describeDatabaseUrl, type Store } from './store/open-store'
import { createSharedChangeLock, createSharedRateLimiter, createSharedSignInThrottle } from './store/shared-limits'
import { storeFor } from './store/store-for'
import { upstreamFor } from './upstream/create'

const shutdownGraceMs = 10_000

function fail(message: string): never {
  process.stderr.write(`flows-admin: ${message}\n`)
  process.exit(1)
}

function readConfig(): ServerConfig {
  // The environment wins over .env (Node's loadEnvFile never overrides a variable that is set).
  if (existsSync('.env')) process.loadEnvFile('.env')
  try {
    return loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration error: ${error.message}`)
    throw error
  }
}

const config = readConfig()
const logger = createLogger(undefined, { secrets: config.mode === 'live' ? [config.upstream.apiKey] : [] })
// Built layout: dist/server/main.js beside dist/client/.
const clientDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'client')
let serveSpa: ReturnType<typeof spa>
try {
  serveSpa = spa(clientDir, { home: { accountId: config.accountId, channelId: config.channels[0].id }, framesSelf: config.mode === 'sandbox' })
} catch (error) {
  fail((error as Error).message)
}

let store: Store
try {
  store = await storeFor(config, logger)
} catch (error) {
  fail((error as Error).message)
}

let boundPort: number | undefined

let lastFallbackLog = 0
function budgetFallback(error: unknown) {
  if (Date.now() - lastFallbackLog < 60_000) return
  lastFallbackLog = Date.now()
  logger.warn({ err: error }, "the shared 8x8 budget cannot be read from the database; this instance counts its own calls meanwhile")
}

// On Postgres, several instances share the 8x8 budget and the sign-in throttle; on SQLite, one instance keeps them in memory.
const shared = store.engine === 'postgres'
const upstream = upstreamFor(config, shared ? { sharedLimiter: (limits) => createSharedRateLimiter(store.db, { ...limits, onFallback: budgetFallback }) } : {})
const app = createApp({
  config,
  audit: store.audit,
  store,
  upstream,
  signInThrottle: shared ? createSharedSignInThrottle(store.db) : undefined,
  // Held past 8x8's timeout, so that only a dead instance's lock ever expires.
  changeLock: shared ? createSharedChangeLock(store.db, { holdMs: config.upstream.timeoutMs + 60_000 }) : undefined,
  logger,
  spa: serveSpa,
  remoteAddress: (c) => getConnInfo(c).remote.address,
  listeningPort: () => boundPort,
})

let running: RunningServer
try {
  running = await startServer({
    fetch: app.fetch,
    host: config.host,
    port: config.port,
    store,
    logger,
    graceMs: shutdownGraceMs,
  })
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException
  if (code === 'EADDRINUSE') fail(`${config.host}:${config.port} is already in use: stop the other process or set PORT`)
  if (code === 'EACCES') fail(`not allowed to listen on ${config.host}:${config.port}: choose a PORT above 1023`)
  fail(`cannot listen on ${config.host}:${config.port}: ${message}`)
}
boundPort = Number(new URL(running.origin).port)

// Copies of deletes cut off by a crash, a restart or a database outage: settled by asking 8x8.
const settler = createCopySettler({
  backups: store.backups,
  upstream,
  audit: store.audit,
  logger,
  configured: { accountId: config.accountId, channelIds: config.channels.map((channel) => channel.id) },
  settleAfterMs: deleteSettledWithinMs(config.upstream.timeoutMs),
})
settler.start()
logger.info(
  { mode: config.mode, database: `${store.engine} ${describeDatabaseUrl(config.databaseUrl)}`, accountId: config.accountId, channels: config.channels.length },
  `Flows Admin (${config.mode}) listening on ${running.origin}`,
)

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down: finishing requests in flight')
  settler.stop()
  void running.shutdown().then((result) => {
    logger.info({ result }, 'stopped')
    process.exit(result === 'drained' ? 0 : 1)
  })
}
process.once('SIGTERM', () => shutdown('SIGTERM'))
process.once('SIGINT', () => shutdown('SIGINT'))
