import type { Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server'
import type { Logger } from 'pino'
import type { ErrorBody } from '../shared/error-body'
import { proxyErrorCodes } from '../shared/error-codes'
import type { Store } from './store/open-store'

export type ServeOptions = {
  /** The app's fetch; @hono/node-server passes the connection after the request (getConnInfo reads it). */
  fetch: (request: Request, connection?: HttpBindings | Http2Bindings) => Response | Promise<Response>
  host: string
  port: number
  /** Closed once nothing can write to it any more. */
  store: Pick<Store, 'close'>
  logger: Logger
  /** How long requests in flight may take to finish once shutdown begins. */
  graceMs: number
}

export type RunningServer = {
  /** e.g. http://127.0.0.1:8080 (the port actually bound, also when 0 was asked). */
  origin: string
  /**
   * Stops accepting connections, lets requests in flight finish (up to `graceMs`, then cuts them off),
   * and closes the store once nothing can write to it any more. Idempotent.
   */
  shutdown: () => Promise<'drained' | 'timed-out'>
}

function stoppingAnswer(logger: Logger): Response {
  const body: ErrorBody = {
    code: proxyErrorCodes.serverStopping,
    message: 'Flows Admin is restarting, so this request was not run; try again in a few seconds',
    errorId: crypto.randomUUID(),
    timestamp: new Date().toISOString(),
    source: 'proxy',
  }
  logger.warn({ errorId: body.errorId }, 'a request arrived while shutting down; answered 503 without running it')
  return new Response(JSON.stringify(body), { status: 503, headers: { 'content-type': 'application/json', connection: 'close', 'retry-after': '5' } })
}

/** Listens, or rejects with the listen error (EADDRINUSE, EACCES…). */
export async function startServer({ fetch, host, port, store, logger, graceMs }: ServeOptions): Promise<RunningServer> {
  let draining = false
  // A request that reaches the server once the drain began (on a connection that was open, its request
  // still arriving) is not run: the store may be closing under it. The browser is told to try again.
  const guarded = (request: Request, connection: HttpBindings | Http2Bindings) => (draining ? stoppingAnswer(logger) : fetch(request, connection))
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: guarded, hostname: host, port }) as Server
    started.once('listening', () => resolve(started))
    started.once('error', reject)
  })
  const address = server.address() as AddressInfo
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`

  // Responses not yet finished. Once shutdown begins they say `Connection: close`, so a browser's
  // keep-alive connection does not hold the process open until its idle timeout.
  const unfinished = new Set<ServerResponse>()
  server.on('request', (_request, response: ServerResponse) => {
    unfinished.add(response)
    response.once('close', () => unfinished.delete(response))
  })

  let stopping: Promise<'drained' | 'timed-out'> | undefined
  function shutdown() {
    draining = true
    for (const response of unfinished) if (!response.headersSent) response.setHeader('connection', 'close')
    stopping ??= new Promise<'drained' | 'timed-out'>((resolve) => {
      let timer: NodeJS.Timeout | undefined
      // close() stops accepting and, since Node 19, also closes idle keep-alive connections; its callback
      // runs once the last request in flight has been answered (its audit lines are fsynced by then).
      server.close(() => {
        clearTimeout(timer)
        resolve('drained')
      })
      timer = setTimeout(() => {
        logger.warn({ graceMs }, 'requests still in flight after the grace period; cutting them off')
        server.closeAllConnections()
        resolve('timed-out')
      }, graceMs)
    }).then(async (result) => {
      await store.close().catch((error: unknown) => logger.error({ err: error }, 'the store did not close cleanly'))
      return result
    })
    return stopping
  }

  return { origin, shutdown }
}
