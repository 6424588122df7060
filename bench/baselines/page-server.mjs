// The plain table's server, for the bench's first-row section: node:http serving a built page's files
// from STATIC_DIR and, at /flows.json, the channel's list proxied from 8x8 (as bare-proxy.mjs does):
// what serving that page in production takes, with nothing of Flows Admin's.
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import { extname, join, normalize } from 'node:path'
import { Agent, request } from 'undici'

const { STATIC_DIR: dir, EIGHTX8_BASE_URL: upstream, EIGHTX8_API_KEY: key, LIST_PATH: listPath } = process.env
const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 32 })
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' }

const server = http.createServer(async (incoming, outgoing) => {
  try {
    const path = new URL(incoming.url, 'http://page.server').pathname
    if (path === '/flows.json') {
      const answer = await request(`${upstream}${listPath}`, { dispatcher, headers: { authorization: `Bearer ${key}`, accept: 'application/json' } })
      const body = JSON.stringify(JSON.parse(await answer.body.text()))
      return outgoing.writeHead(answer.statusCode, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body)
    }
    const file = join(dir, normalize(path === '/' ? 'index.html' : path === '/static' ? 'static.html' : path))
    const body = await readFile(file)
    outgoing.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-length': body.length }).end(body)
  } catch (error) {
    outgoing.writeHead(error.code === 'ENOENT' ? 404 : 502).end(String(error))
  }
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`))
process.once('SIGTERM', () => server.close(() => dispatcher.close().then(() => process.exit(0))))
