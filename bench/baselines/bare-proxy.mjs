// The floor of one hop, for the bench's proxy section: node:http in, undici's request out with a
// keep-alive pool, the JSON parsed and serialised again. No checks, no log, no framework: what any
// proxy in Node pays before it does anything of its own.
import http from 'node:http'
import { Agent, request } from 'undici'

const upstream = process.env.EIGHTX8_BASE_URL
const authorization = `Bearer ${process.env.EIGHTX8_API_KEY}`
const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 32 })

const server = http.createServer(async (incoming, outgoing) => {
  try {
    const answer = await request(`${upstream}${incoming.url}`, { dispatcher, headers: { authorization, accept: 'application/json' } })
    const body = JSON.stringify(JSON.parse(await answer.body.text()))
    outgoing.writeHead(answer.statusCode, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body)
  } catch (error) {
    outgoing.writeHead(502).end(String(error))
  }
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`))
process.once('SIGTERM', () => server.close(() => dispatcher.close().then(() => process.exit(0))))
