import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { startFake8x8 } from '../e2e/fake-8x8'
import { sandboxSeed, seedWithFlows } from '../src/server/sandbox/seed'
import { load, loadRow, loadSummary, timed } from './support/http'
import { root, saveSection } from './support/results'
import { fine, median, pct } from './support/stats'

/** `npm run bench`: What the proxy adds to a list call on loopback: one call at a time, under load, and where the time goes. Nothing here passes or fails on a number. */

const results: Record<string, unknown> = {}
const markdown: string[] = []

test('proxy overhead: the flows list through the proxy vs straight from the fake 8x8', async () => {
  const seed = seedWithFlows({ ...sandboxSeed, apiKey: 'bench-key' }, 100)
  const fake = await startFake8x8(seed)
  const [channel] = seed.channels
  // The server logs to a file, as in production: a pipe to this process would make it wait on the
  // load generator reading its log.
  const appEnv = { EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: channel.id, EIGHTX8_BASE_URL: fake.baseUrl, EIGHTX8_RATE_LIMIT_PER_MINUTE: '0' }
  const bareEnv = { EIGHTX8_BASE_URL: fake.baseUrl, EIGHTX8_API_KEY: seed.apiKey }
  const bareEntry = join(root, 'bench', 'baselines', 'bare-proxy.mjs')
  const app = await startAppServer(appEnv, { logToFile: true })
  const bare = await startAppServer(bareEnv, { entry: bareEntry })
  const hono = await startAppServer(bareEnv, { entry: join(root, 'bench', 'baselines', 'hono-proxy.mjs') })
  const path = `/api/v1/accounts/${seed.accountId}/channels/${channel.id}/flows?limit=100`
  const targets = {
    direct: { url: `${fake.baseUrl}${path}`, init: { headers: { authorization: `Bearer ${seed.apiKey}` } } },
    bare: { url: bare.url(path), init: {} },
    hono: { url: hono.url(path), init: {} },
    proxied: { url: app.url(path), init: {} },
  }
  const names = ['direct', 'bare', 'hono', 'proxied'] as const

  // One call at a time on kept-alive connections, the four interleaved (the order rotating), 1000 of
  // each measured after 1000 unmeasured: what the proxy adds to one unloaded call once the process is
  // warm, as a server that has been up a while is. The bare proxy is the floor of one hop in Node, the
  // bare Hono proxy that of one hop on the server's framework.
  const sequential = { direct: [] as number[], bare: [] as number[], hono: [] as number[], proxied: [] as number[] }
  for (let i = 0; i < 2000; i++) {
    const order = [...names.slice(i % names.length), ...names.slice(0, i % names.length)]
    for (const which of i % 2 === 0 ? order : order.toReversed()) {
      const time = await timed(targets[which].url, targets[which].init)
      if (i >= 1000) sequential[which].push(time)
    }
  }

  // Side by side, alternating, after a warm-up of each: 10 connections.
  await load(targets.direct.url, targets.direct.init.headers)
  await load(targets.bare.url)
  await load(targets.hono.url)
  await load(targets.proxied.url)
  const direct = await load(targets.direct.url, targets.direct.init.headers)
  const floor = await load(targets.bare.url)
  const honoFloor = await load(targets.hono.url)
  const proxied = await load(targets.proxied.url)
  await app.stop()
  await bare.stop()
  await hono.stop()
  const phases = await proxyPhases(path, { appEnv, bareEnv, bareEntry })
  await fake.stop()

  const sorted = Object.fromEntries(names.map((name) => [name, sequential[name].toSorted((a, b) => a - b)])) as Record<(typeof names)[number], number[]>
  const quantiles = (name: (typeof names)[number]) => ({ p50: pct(sorted[name], 0.5), p99: pct(sorted[name], 0.99) })
  const addedBy = (name: 'bare' | 'hono' | 'proxied') => ({ p50: quantiles(name).p50 - quantiles('direct').p50, p99: quantiles(name).p99 - quantiles('direct').p99 })
  const added = addedBy('proxied')
  const floorAdded = addedBy('bare')
  const honoAdded = addedBy('hono')
  results.proxy = {
    sequential: { calls: sequential.direct.length, direct: quantiles('direct'), bare: quantiles('bare'), hono: quantiles('hono'), proxied: quantiles('proxied'), added, floorAdded, honoAdded },
    direct: loadSummary(direct),
    bare: loadSummary(floor),
    hono: loadSummary(honoFloor),
    proxied: loadSummary(proxied),
  }
  markdown.push(
    '### Proxy overhead: GET the 100-flow list on loopback',
    '',
    `One call at a time, kept-alive connections, ${sequential.direct.length} of each after as many unmeasured, the four interleaved (aim: adds ≤ 0.5 ms p50, ≤ 2 ms p99). The bare proxy (\`bench/baselines/bare-proxy.mjs\`: node:http, undici, JSON parsed and serialised, nothing else) is the floor of one hop; the bare Hono proxy (\`bench/baselines/hono-proxy.mjs\`: the same as a Hono app on @hono/node-server, without middleware) is the floor of one hop on the server's framework:`,
    '',
    '| path | p50 | p99 | added p50 | added p99 |',
    '|---|---|---|---|---|',
    `| straight to the fake 8x8 | ${fine(quantiles('direct').p50)} | ${fine(quantiles('direct').p99)} | | |`,
    `| through a bare Node proxy (the floor) | ${fine(quantiles('bare').p50)} | ${fine(quantiles('bare').p99)} | ${fine(floorAdded.p50)} | ${fine(floorAdded.p99)} |`,
    `| through a bare Hono proxy (the framework's floor) | ${fine(quantiles('hono').p50)} | ${fine(quantiles('hono').p99)} | ${fine(honoAdded.p50)} | ${fine(honoAdded.p99)} |`,
    `| **through Flows Admin** | ${fine(quantiles('proxied').p50)} | ${fine(quantiles('proxied').p99)} | **${fine(added.p50)}** | **${fine(added.p99)}** |`,
    '',
    '10 connections, 5 s each (aim: ≥ 0.7× the direct throughput):',
    '',
    '| path | requests/s | p50 | p99 | failed |',
    '|---|---|---|---|---|',
    loadRow('straight to the fake 8x8', direct),
    loadRow('through a bare Node proxy (the floor)', floor),
    loadRow("through a bare Hono proxy (the framework's floor)", honoFloor),
    loadRow('through Flows Admin', proxied),
    `| **through / straight** | **${(proxied.requests.average / direct.requests.average).toFixed(2)}×** | | | |`,
    '',
    `Where one call's time goes (median of each phase over ${phases.calls} sequential calls per proxy, recorded from Node's diagnostics channels in a pass of their own: the recording costs a few µs per call). Medians of phases do not add up to the median of the whole, and a change can move time from one phase to the next without shortening the call (work that waits in the event loop's queues moves with it).`,
    '',
    '| phase | bare proxy | Flows Admin | Flows Admin adds |',
    '|---|---|---|---|',
    ...phases.rows.map(({ name, bare: floorMs, app: appMs }) => `| ${name} | ${fine(floorMs)} | ${fine(appMs)} | ${fine(appMs - floorMs)} |`),
    '',
  )
  results.proxy = { ...(results.proxy as object), phases: phases.rows }
})

type CallPhases = { in: number; created: number; sent: number; headers: number; body: number; answered: number; flushed: number }
const phaseNames: [string, (call: CallPhases) => number][] = [
  ['request in → request to 8x8 created', (call) => call.created - call.in],
  ['→ sent to 8x8', (call) => call.sent - call.created],
  ["→ 8x8's headers in", (call) => call.headers - call.sent],
  ["→ 8x8's body in", (call) => call.body - call.headers],
  ['→ answer handed to Node (`res.end`)', (call) => call.answered - call.body],
  ['→ answer flushed to the socket', (call) => call.flushed - call.answered],
  ['whole call, in the proxy', (call) => call.flushed - call.in],
]

/** The calls a phase recorder wrote, without the first 1000 (unmeasured, as in the timings above). */
function measuredPhases(file: string): CallPhases[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as CallPhases[]).slice(1000)
}

/**
 * Both proxies again, each with `proxy-phases.mjs` loaded: 1000 sequential calls, alternating, after
 * 1000 unmeasured; the median of each phase.
 */
async function proxyPhases(path: string, { appEnv, bareEnv, bareEntry }: { appEnv: Record<string, string>; bareEnv: Record<string, string>; bareEntry: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-phases-'))
  const recorder = ['--import', join(root, 'bench', 'baselines', 'proxy-phases.mjs')]
  const files = { app: join(dir, 'app.json'), bare: join(dir, 'bare.json') }
  const app = await startAppServer({ ...appEnv, PROXY_PHASES_OUT: files.app }, { logToFile: true, nodeArgs: recorder })
  const bare = await startAppServer({ ...bareEnv, PROXY_PHASES_OUT: files.bare }, { entry: bareEntry, nodeArgs: recorder })
  for (let i = 0; i < 2000; i++) {
    for (const server of i % 2 === 0 ? [app, bare] : [bare, app]) await timed(server.url(path), {})
  }
  await app.stop()
  await bare.stop()
  const calls = { app: measuredPhases(files.app), bare: measuredPhases(files.bare) }
  rmSync(dir, { recursive: true, force: true })
  return {
    calls: calls.app.length,
    rows: phaseNames.map(([name, of]) => ({ name, bare: median(calls.bare.map(of)), app: median(calls.app.map(of)) })),
  }
}

test.afterAll(() => saveSection('proxy', results, markdown))
