// The floor of one hop on the server's own framework, for the bench's proxy section: the bare proxy
// (bare-proxy.mjs) as a Hono app on @hono/node-server, as Flows Admin's server runs. No middleware,
// no checks, no log: what Hono and its Node adapter add to a hop before the app does anything.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { Agent, request } from 'undici'

const upstream = process.env.EIGHTX8_BASE_URL
const authorization = `Bearer ${process.env.EIGHTX8_API_KEY}`
const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 32 })

const app = new Hono().get('/api/v1/*', async (c) => {
  const answer = await request(`${upstream}${c.req.path}?${new URL(c.req.url).searchParams}`, { dispatcher, headers: { authorization, accept: 'application/json' } })
  const body = JSON.stringify(JSON.parse(await answer.body.text()))
  return c.body(body, answer.statusCode, { 'content-type': 'application/json' })
})

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 0) }, ({ port }) =>
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`),
)
process.once('SIGTERM', () => server.close(() => dispatcher.close().then(() => process.exit(0))))
