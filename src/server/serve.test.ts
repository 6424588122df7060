import { connect } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startServer, type RunningServer } from './serve'
import { buildApp, fakeUpstream, flowsUrl } from './test-support'

const deleteHeaders = { 'x-requested-with': 'XMLHttpRequest' }

/** A fake 8x8 whose deletes answer only when the test says so. */
function heldUpstream() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const upstream = fakeUpstream(async () => {
    await released
    return new Response(null, { status: 204 })
  })
  return { ...upstream, release }
}

async function start(upstream: ReturnType<typeof heldUpstream>, graceMs: number) {
  const { app, audit, log } = buildApp(upstream.fetch)
  // What happened to the audit log, in order: appends by phase, then the close.
  const events: string[] = []
  const { append, close } = audit
  audit.append = async (entry) => {
    events.push(`append ${entry.phase}`)
    return append(entry)
  }
  audit.close = async () => {
    events.push('close')
    return close()
  }
  const running = await startServer({ fetch: app.fetch, host: '127.0.0.1', port: 0, store: audit, logger: log.logger, graceMs })
  return { running, events, log }
}

let running: RunningServer | undefined

/** A running server with one delete in flight, held at 8x8 until `upstream.release()`. */
async function startWithDeleteInFlight(graceMs: number) {
  const upstream = heldUpstream()
  const started = await start(upstream, graceMs)
  running = started.running
  const inFlight = fetch(`${running.origin}${flowsUrl}/1620387745519023`, { method: 'DELETE', headers: deleteHeaders })
  await vi.waitFor(() => expect(upstream.calls).toHaveLength(1))
  return { ...started, upstream, inFlight }
}
afterEach(async () => {
  await running?.shutdown()
  running = undefined
})

describe('graceful shutdown', () => {
  it('stops accepting, lets a delete in flight finish and be audited, then closes the audit log', async () => {
    const { running: server, events, upstream, inFlight } = await startWithDeleteInFlight(30_000)

    const stopping = server.shutdown()
    await expect(fetch(`${server.origin}/healthz`)).rejects.toThrow('fetch failed')
    expect(events).toEqual(['append attempt'])

    upstream.release()
    const answer = await inFlight
    expect(answer.status).toBe(200)
    // Or the browser's idle keep-alive connection would hold the shutdown until its timeout.
    expect(answer.headers.get('connection')).toBe('close')
    await expect(stopping).resolves.toBe('drained')
    expect(events).toEqual(['append attempt', 'append outcome', 'close'])
  })

  it('cuts off what outlives the grace period, says so, and still closes the audit log', async () => {
    const { running: server, events, log, upstream, inFlight } = await startWithDeleteInFlight(50)

    await expect(server.shutdown()).resolves.toBe('timed-out')
    await expect(inFlight).rejects.toThrow('fetch failed')
    expect(events).toContain('close')
    expect(log.text()).toContain('requests still in flight after the grace period')
    upstream.release()
  })

  it('answers a request that arrives during the drain with 503 and Connection: close, without running it', async () => {
    const { running: server, upstream, inFlight } = await startWithDeleteInFlight(30_000)
    const { port } = new URL(server.origin)
    // A connection already open, whose request is still arriving when the shutdown begins.
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write(`DELETE ${flowsUrl}/1620387745519024 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`)
    const answer = new Promise<string>((resolve) => {
      let text = ''
      socket.on('data', (chunk) => (text += chunk))
      socket.on('close', () => resolve(text))
    })

    const stopping = server.shutdown()
    socket.write('X-Requested-With: XMLHttpRequest\r\nContent-Length: 0\r\n\r\n')

    const raw = await answer
    expect(raw).toMatch(/^HTTP\/1\.1 503 /)
    expect(raw.toLowerCase()).toContain('connection: close')
    expect(raw).toContain('"code":"SERVER_STOPPING"')
    expect(upstream.calls).toHaveLength(1)
    upstream.release()
    await inFlight
    await expect(stopping).resolves.toBe('drained')
  })

  it("hands the app the connection with each request (sign-in reads the peer's address from it)", async () => {
    const { log } = buildApp(heldUpstream().fetch)
    running = await startServer({
      fetch: (_request, connection) => new Response(connection && 'incoming' in connection ? connection.incoming.socket.remoteAddress : 'no connection'),
      host: '127.0.0.1',
      port: 0,
      store: { close: async () => {} },
      logger: log.logger,
      graceMs: 50,
    })
    expect(await (await fetch(`${running.origin}/healthz`)).text()).toBe('127.0.0.1')
  })

  it('rejects with the listen error when the port is taken', async () => {
    const upstream = heldUpstream()
    const first = await start(upstream, 50)
    running = first.running
    const port = new URL(running.origin).port
    const { app, audit, log } = buildApp(upstream.fetch)
    await expect(
      startServer({ fetch: app.fetch, host: '127.0.0.1', port: Number(port), store: audit, logger: log.logger, graceMs: 50 }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' })
  })
})
