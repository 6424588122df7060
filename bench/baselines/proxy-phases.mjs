// Loaded with `node --import` into a proxy the bench measures (Flows Admin or the bare proxy): where
// each call's time goes, from Node's own diagnostics channels (node:http's and undici's), without
// touching the proxy's code. One call at a time is assumed (the bench's sequential calls). At exit,
// the phases of every call are written to PROXY_PHASES_OUT as JSON.
import { subscribe } from 'node:diagnostics_channel'
import { writeFileSync } from 'node:fs'
import { ServerResponse } from 'node:http'

const calls = []
let current

subscribe('http.server.request.start', ({ request }) => {
  current = { in: performance.now() }
  request.phases = current
})
subscribe('undici:request:create', () => current && (current.created = performance.now()))
subscribe('undici:client:sendHeaders', () => current && (current.sent = performance.now()))
subscribe('undici:request:headers', () => current && (current.headers = performance.now()))
subscribe('undici:request:trailers', () => current && (current.body = performance.now()))
const end = ServerResponse.prototype.end
ServerResponse.prototype.end = function endWithPhase(...args) {
  if (this.req?.phases) this.req.phases.answered = performance.now()
  return end.apply(this, args)
}
subscribe('http.server.response.finish', ({ request }) => {
  const call = request.phases
  if (!call) return
  call.flushed = performance.now()
  calls.push(call)
})

process.once('exit', () => writeFileSync(process.env.PROXY_PHASES_OUT, JSON.stringify(calls)))
