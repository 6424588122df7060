import { get } from 'node:http'
import autocannon from 'autocannon'

/** One GET, its answer read whole, in ms. */
export async function timed(url: string, init: RequestInit) {
  const started = performance.now()
  const answer = await fetch(url, init)
  await answer.text()
  if (!answer.ok) throw new Error(`${url}: HTTP ${answer.status}`)
  return performance.now() - started
}

/** A bounded load on loopback: 10 connections for 5 seconds, then it stops by itself. */
export function load(url: string, headers: Record<string, string> = {}) {
  return autocannon({ url, headers, connections: 10, duration: 5 }) as Promise<autocannon.Result>
}

export function loadSummary(r: autocannon.Result) {
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failures: r.non2xx + r.errors }
}

export function loadRow(name: string, r: autocannon.Result) {
  return `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx + r.errors} |`
}

/** A GET's body as it travels (not decompressed), asking for `acceptEncoding`. */
export function bytesOnTheWire(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (answer) => {
      let bytes = 0
      answer.on('data', (chunk: Buffer) => (bytes += chunk.length))
      answer.on('end', () => resolve({ bytes, encoding: answer.headers['content-encoding'] }))
      answer.on('error', reject)
    }).on('error', reject)
  })
}
