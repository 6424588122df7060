import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { Client } from 'pg'
import autocannon from 'autocannon'
import { test, type Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { reactRouterTreeShaking } from '../scripts/react-router-tree-shaking'
import { startAppServer, type AppServer } from '../e2e/app-server'
import { startFake8x8 } from '../e2e/fake-8x8'
import { sandboxSeed, seedWithFlows } from '../src/server/sandbox/seed'
import { openStore } from '../src/server/store/open-store'
import { firstPageHtml } from '../src/server/spa'
import type { AppConfig } from '../src/shared/flow'
import type { AuditEntry } from '../src/shared/audit'
import { openJsonlAuditFile } from './baselines/jsonl-audit-file'

/**
 * `npm run bench`: what an operator feels and what the proxy costs, measured in one run and written
 * to bench/results/latest.{json,md} and docs/performance.md. Nothing here passes or fails on a number.
 */

const root = resolve(import.meta.dirname, '..')
const runs = 7
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, runs }
const markdown: string[] = []
/** How many tables a full run writes (one per test below). */
const benchSections = 7

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]
const p95 = (values: number[]) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]
/** The `q` quantile of values sorted ascending. */
const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const ms = (value: number) => `${value.toFixed(1)} ms`
const fine = (value: number) => `${value.toFixed(2)} ms`
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`

function sandboxWith(flows: number): Promise<AppServer> {
  return startAppServer({ SANDBOX_FLOWS: String(flows), SANDBOX_LATENCY_MS: '0' })
}

/** Before any script runs: record when the first row of the flows table is in the DOM and painted. */
async function watchFirstRow(page: Page, selector = 'table.flows-table tbody tr') {
  await page.addInitScript((rowSelector) => {
    const w = window as unknown as { firstRowPainted?: number }
    const observer = new MutationObserver(() => {
      if (!document.querySelector(rowSelector)) return
      observer.disconnect()
      // A message posted from the next animation frame arrives right after that frame is painted.
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.addEventListener('message', () => (w.firstRowPainted = performance.now()))
        channel.port1.start()
        channel.port2.postMessage(null)
      })
    })
    observer.observe(document, { childList: true, subtree: true })
  }, selector)
}

async function timeToFirstRow(server: AppServer, page: Page): Promise<number> {
  await page.goto(server.url('/'))
  const handle = await page.waitForFunction(() => (window as unknown as { firstRowPainted?: number }).firstRowPainted)
  return (await handle.jsonValue()) as number
}

/**
 * JSHeapUsedSize after two forced garbage collections (Chromium's own count), once the page has
 * settled (no request for 500 ms: what loads after the first content is in), so a run does not catch
 * it halfway; it moved the console's heap by ±150 kB between runs.
 */
async function heapAfterGc(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value
}

/**
 * Types one key and measures until the table shows its result, painted; null when the key did not
 * change which rows are shown (nothing to paint).
 */
async function keystrokeToPaint(page: Page, key: string): Promise<number | null> {
  await page.evaluate(() => {
    const w = window as unknown as { keystroke?: Promise<number | null> }
    const body = document.querySelector('.flows__body')!
    w.keystroke = new Promise((resolvePaint) => {
      let start = 0
      document.addEventListener('keydown', () => (start = performance.now()), { once: true, capture: true })
      const observer = new MutationObserver(() => {
        observer.disconnect()
        clearTimeout(unchanged)
        // Right after the next frame is painted (see watchFirstRow).
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.addEventListener('message', () => resolvePaint(performance.now() - start))
          channel.port1.start()
          channel.port2.postMessage(null)
        })
      })
      const unchanged = setTimeout(() => {
        observer.disconnect()
        resolvePaint(null)
      }, 1000)
      observer.observe(body, { childList: true, subtree: true, characterData: true })
    })
  })
  await page.keyboard.press(key)
  return page.evaluate(() => (window as unknown as { keystroke: Promise<number | null> }).keystroke)
}

/** One GET, its answer read whole, in ms. */
async function timed(url: string, init: RequestInit) {
  const started = performance.now()
  const answer = await fetch(url, init)
  await answer.text()
  if (!answer.ok) throw new Error(`${url}: HTTP ${answer.status}`)
  return performance.now() - started
}

/** A bounded load on loopback: 10 connections for 5 seconds, then it stops by itself. */
function load(url: string, headers: Record<string, string> = {}) {
  return autocannon({ url, headers, connections: 10, duration: 5 }) as Promise<autocannon.Result>
}

function loadSummary(r: autocannon.Result) {
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failures: r.non2xx + r.errors }
}

function loadRow(name: string, r: autocannon.Result) {
  return `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx + r.errors} |`
}

test.describe.configure({ mode: 'serial' })

test('initial page weight', () => {
  const jsonPath = join(root, 'test-results', 'bench', 'bundle.json')
  mkdirSync(join(root, 'test-results', 'bench'), { recursive: true })
  const table = execFileSync(process.execPath, ['scripts/bundle-size.mjs', '--json', jsonPath], { cwd: root, encoding: 'utf8' })
  results.bundle = JSON.parse(readFileSync(jsonPath, 'utf8'))
  markdown.push('### Initial page weight (JS + CSS, gzip -9)', '', table.trim(), '')
})

/** `bench/<name>` built as the app is (react-router's production build, with the same tree-shaking). */
async function buildBaseline(name: 'plain-table' | 'stack-table'): Promise<string> {
  const outDir = join(root, 'test-results', 'bench', name)
  await build({
    root: join(root, 'bench', name),
    configFile: false,
    plugins: [react(), reactRouterTreeShaking()],
    resolve: { alias: { 'react-router': join(root, 'node_modules', 'react-router', 'dist', 'production', 'index.mjs') } },
    base: '/',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  })
  return outDir
}

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

/**
 * Serves a built page and a mocked API from Playwright's router: both pages of a comparison get their
 * files and their data the same way, after the same added latency per request.
 */
/** `html`: the page as its server serves it (Flows Admin's names the first page's reads to preload). */
async function servePage(
  page: Page,
  { dir, api, latencyMs, html = (index) => index }: { dir: string; api: (path: string) => string | undefined; latencyMs: number; html?: (index: string, path: string) => string },
) {
  await page.route('http://bench.test/**', async (route) => {
    const path = new URL(route.request().url()).pathname
    if (latencyMs > 0) await new Promise((done) => setTimeout(done, latencyMs))
    const body = api(path)
    if (body !== undefined) return route.fulfill({ body, contentType: 'application/json' })
    if (!path.startsWith('/assets/') && path !== '/flows.json') return route.fulfill({ body: html(readFileSync(join(dir, 'index.html'), 'utf8'), path), contentType: 'text/html' })
    return route.fulfill({ body: readFileSync(join(dir, path)), contentType: contentTypes[extname(path)] ?? 'application/octet-stream' })
  })
}

test('first row painted, Flows Admin beside a plain React table (same rows, same mocked API)', async ({ browser }) => {
  const plainDir = await buildBaseline('plain-table')
  const consoleDir = join(root, 'dist', 'client')
  const [channel] = sandboxSeed.channels
  const stackDir = await buildBaseline('stack-table')
  const appConfig: AppConfig = {
    mode: 'sandbox', accountId: sandboxSeed.accountId, channels: sandboxSeed.channels.map(({ id, name }) => ({ id, name })),
    auth: 'none', operator: null, upstreamTimeoutMs: 10_000, retentionDays: 90, keepsDeletedFlows: true,
  }
  // As Flows Admin's server serves it: the configuration in the page, the first reads preloaded.
  const consolePage = (index: string, path: string) => firstPageHtml(index, path, { accountId: sandboxSeed.accountId, channelId: channel.id }, appConfig)
  const rows: string[] = [
    '| flows | added latency | Flows Admin median | plain table median | ratio (median) | ratio spread (p25–p75 of pairs) | plain table on the stack | Flows Admin ÷ stack |',
    '|---|---|---|---|---|---|---|---|',
  ]
  const measured: Record<string, { console: number[]; plain: number[]; stack: number[] }> = {}
  const config = JSON.stringify(appConfig)
  for (const flows of [100, 1000]) {
    const flowsJson = JSON.stringify({ flows: seedWithFlows(sandboxSeed, flows).channels[0].flows.map(({ id, name, status }) => ({ id, name, status })) })
    const answers: Record<string, string> = { flows: flowsJson, audit: '{"entries":[]}', templates: '{"templates":[]}', 'deleted-flows': '{"deletedFlows":[],"retentionDays":90}' }
    const consoleApi = (path: string) => {
      if (!path.startsWith('/api/')) return undefined
      return path === '/api/config' ? config : answers[path.split('/').at(-1) ?? '']
    }
    const plainApi = (path: string) => (path === '/flows.json' ? flowsJson : undefined)
    for (const latencyMs of [0, 50]) {
      const times = { console: [] as number[], plain: [] as number[], stack: [] as number[] }
      // Interleaved cold loads: one warm-up of each, then 9 of each in fresh contexts.
      for (let run = 0; run <= 9; run++) {
        for (const which of ['console', 'plain', 'stack'] as const) {
          const context = await browser.newContext()
          const page = await context.newPage()
          await watchFirstRow(page, which === 'console' ? 'table.flows-table tbody tr' : 'tbody tr')
          await servePage(
            page,
            which === 'console' ? { dir: consoleDir, api: consoleApi, latencyMs, html: consolePage } : { dir: which === 'plain' ? plainDir : stackDir, api: plainApi, latencyMs },
          )
          await page.goto(which === 'console' ? `http://bench.test/accounts/${sandboxSeed.accountId}/channels/${channel.id}/flows` : 'http://bench.test/')
          const handle = await page.waitForFunction(() => (window as unknown as { firstRowPainted?: number }).firstRowPainted, undefined, { timeout: 30_000 })
          if (run > 0) times[which].push((await handle.jsonValue()) as number)
          await context.close()
        }
      }
      measured[`${flows}@${latencyMs}ms`] = times
      const ratios = times.console.map((t, k) => t / times.plain[k]).toSorted((a, b) => a - b)
      const q = (f: number) => ratios[Math.min(ratios.length - 1, Math.floor(f * ratios.length))]
      rows.push(
        `| ${flows} | ${latencyMs} ms | ${ms(median(times.console))} | ${ms(median(times.plain))} | **${(median(times.console) / median(times.plain)).toFixed(2)}×** | ${q(0.25).toFixed(2)}–${q(0.75).toFixed(2)}× | ${ms(median(times.stack))} | ${(median(times.console) / median(times.stack)).toFixed(2)}× |`,
      )
    }
  }
  results.firstRowMs = measured
  markdown.push(
    '### First flow row painted: Flows Admin beside a plain React table (interleaved cold loads, 9 of each; aim ≤ 1.2×)',
    '',
    'The plain table on the stack (`bench/stack-table`) is the same plain table inside React, react-router and react-query, the libraries the first page is built on: the floor of that stack.',
    '',
    ...rows,
    '',
  )
})

test('typing in the search box over 1000 flows', async ({ page }) => {
  const server = await sandboxWith(1000)
  await watchFirstRow(page)
  await timeToFirstRow(server, page)
  const box = page.getByRole('searchbox', { name: 'Search by name or ID' })
  const times: number[] = []
  // Six rounds: a p95 of ~27 keystrokes is their second slowest, and moved 12.6–17.0 ms between runs.
  for (let round = 0; round < 6; round++) {
    await box.fill('')
    await box.focus()
    // "campaign 0012", back to "campaign 0", "campaign 095", back: keys that narrow or widen the 1000 rows are timed.
    for (const key of ['c', 'a', 'm', 'p', 'a', 'i', 'g', 'n', 'Space', '0', '0', '1', '2', 'Backspace', 'Backspace', 'Backspace', '9', '5', 'Backspace', 'Backspace', 'Backspace']) {
      const time = await keystrokeToPaint(page, key)
      if (time !== null) times.push(time)
    }
  }
  await server.stop()
  results.keystrokeToPaintMs = times
  markdown.push(
    '### Typing in search, 1000 flows: keystroke to filtered table painted',
    '',
    '| keystrokes | median | p95 | aim |',
    '|---|---|---|---|',
    `| ${times.length} | ${ms(median(times))} | ${ms(p95(times))} | median ≤ 12 ms, p95 ≤ 16 ms (a frame) |`,
    '',
  )
})

test('JS heap with 1000 flows rendered, against a plain React table of the same rows', async ({ browser }) => {
  const server = await sandboxWith(1000)
  const plainDir = await buildBaseline('plain-table')
  const flowsJson = await (await fetch(server.url(`/api/v1/accounts/${sandboxSeed.accountId}/channels/${sandboxSeed.channels[0].id}/flows?limit=1000`))).text()

  const heaps = { console: [] as number[], plain: [] as number[] }
  for (let run = 0; run < 3; run++) {
    // Side by side: the console, then the plain table, in fresh contexts.
    const app = await browser.newContext()
    const appPage = await app.newPage()
    await watchFirstRow(appPage)
    await timeToFirstRow(server, appPage)
    heaps.console.push(await heapAfterGc(appPage))
    await app.close()

    const plain = await browser.newContext()
    const plainPage = await plain.newPage()
    await plainPage.route('http://plain.bench/**', (route) => {
      const path = new URL(route.request().url()).pathname
      if (path === '/flows.json') return route.fulfill({ body: flowsJson, contentType: 'application/json' })
      const file = join(plainDir, path === '/' ? 'index.html' : path)
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream'
      return route.fulfill({ body: readFileSync(file), contentType: type })
    })
    await plainPage.goto('http://plain.bench/')
    await plainPage.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1000)
    heaps.plain.push(await heapAfterGc(plainPage))
    await plain.close()
  }
  await server.stop()
  const ratio = median(heaps.console) / median(heaps.plain)
  results.heapBytes = { ...heaps, ratio }
  markdown.push(
    '### JS heap after a forced GC, 1000 flows rendered',
    '',
    '| page | median JSHeapUsedSize |',
    '|---|---|',
    `| Flows Admin | ${mb(median(heaps.console))} |`,
    `| plain React table, same rows | ${mb(median(heaps.plain))} |`,
    `| **ratio** | **${ratio.toFixed(2)}×** (aim ≤ 1.2×) |`,
    '',
  )
})

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
    '10 connections, 5 s each (aim: ≥ 0.5× the direct throughput):',
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

test('bulk delete of 20 drafts: a copy kept of each (now) vs none (before copies)', async () => {
  // 50 ms per request to the fake 8x8, as a round trip to 8x8 might take; the UI's 3 deletes at a time.
  const latencyMs = 50
  const seed = seedWithFlows({ ...sandboxSeed, apiKey: 'bench-key' }, 1000)
  const [channel] = seed.channels
  const inTemplates = new Set(channel.templates?.flatMap((template) => template.flowIds))
  const drafts = channel.flows.filter((flow) => flow.status === 'DRAFT' && !flow.fault && !inTemplates.has(flow.id))
  const fake = await startFake8x8(seed, { latencyMs })
  const app = await startAppServer({
    EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: channel.id,
    EIGHTX8_BASE_URL: fake.baseUrl, EIGHTX8_RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'flows-admin-bench-bulk-')), 'flows-admin.db')}`,
  })
  const base = app.url(`/api/v1/accounts/${seed.accountId}/channels/${channel.id}/flows`)
  let next = 0
  async function bulkDelete(withCopies: boolean): Promise<number> {
    const batch = drafts.slice(next, next + 20)
    next += 20
    const queue = [...batch]
    const headers: Record<string, string> = { 'x-requested-with': 'XMLHttpRequest', ...(withCopies ? {} : { 'x-backup': 'none' }) }
    const started = performance.now()
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let flow = queue.shift(); flow; flow = queue.shift()) {
          const answer = await fetch(`${base}/${flow.id}`, { method: 'DELETE', headers })
          if (answer.status !== 200) throw new Error(`delete of ${flow.id}: HTTP ${answer.status}`)
        }
      }),
    )
    return performance.now() - started
  }
  const before: number[] = []
  const now: number[] = []
  await bulkDelete(true)
  await bulkDelete(false)
  for (let run = 0; run < runs; run++) {
    // Interleaved, the order alternating from run to run.
    if (run % 2 === 0) {
      now.push(await bulkDelete(true))
      before.push(await bulkDelete(false))
    } else {
      before.push(await bulkDelete(false))
      now.push(await bulkDelete(true))
    }
  }
  await app.stop()
  await fake.stop()
  const ratios = now.map((value, index) => value / before[index])
  results.bulkDelete = { latencyMs, runs, withCopiesMs: now, withoutCopiesMs: before }
  markdown.push(
    `### Bulk delete of 20 drafts, 3 at a time, ${latencyMs} ms per request to the fake 8x8 (${runs} interleaved runs)`,
    '',
    '| | median | min – max |',
    '|---|---|---|',
    `| no copy (before: DELETE only) | ${ms(median(before))} | ${ms(Math.min(...before))} – ${ms(Math.max(...before))} |`,
    `| a copy of each (get-flow, flow JSON, then DELETE) | ${ms(median(now))} | ${ms(Math.min(...now))} – ${ms(Math.max(...now))} |`,
    `| **with copies / without** | **${median(ratios).toFixed(2)}×** | ${Math.min(...ratios).toFixed(2)}× – ${Math.max(...ratios).toFixed(2)}× |`,
    '',
  )
})

/** Resident memory of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024
}


const benchEntry = (n: number): AuditEntry => ({
  time: new Date().toISOString(), requestId: `bench-${n}`, operator: 'dana', action: 'flow.delete', phase: 'attempt',
  accountId: sandboxSeed.accountId, channelId: sandboxSeed.channels[0].id, flowId: String(1620387745519000 + (n % 1000)), flowName: 'Old promo',
})

test('audit writes and server memory: the old JSON Lines file, SQLite (libSQL), Postgres', async () => {
  const postgresUrl = process.env.TEST_DATABASE_URL
  if (!postgresUrl) throw new Error('npm run bench starts a throwaway Postgres (TEST_DATABASE_URL)')
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-bench-store-'))
  const schema = `bench_${crypto.randomUUID().replaceAll('-', '')}`
  const admin = new Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const file = await openJsonlAuditFile(join(dir, 'audit.jsonl'))
  const sqlite = await openStore(`file:${join(dir, 'flows-admin.db')}`)
  const postgres = await openStore(postgresUrl, { searchPath: schema })
  const writers: [string, (entry: AuditEntry) => Promise<void>][] = [
    ['JSON Lines file (before the store)', (entry) => file.append(entry)],
    ['SQLite (libSQL, WAL, synchronous=full)', (entry) => sqlite.audit.append(entry)],
    ['Postgres (fsync on, loopback)', (entry) => postgres.audit.append(entry)],
  ]
  // Interleaved: each round runs every writer, in a rotating order, 50 sequential durable writes each.
  const rounds = 10
  const samples = new Map(writers.map(([name]) => [name, [] as number[]]))
  const roundMedians = new Map(writers.map(([name]) => [name, [] as number[]]))
  let n = 0
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < writers.length; k++) {
      const [name, write] = writers[(round + k) % writers.length]
      const times: number[] = []
      for (let i = 0; i < 50; i++) {
        const started = performance.now()
        await write(benchEntry(n++))
        times.push(performance.now() - started)
      }
      samples.get(name)!.push(...times)
      roundMedians.get(name)!.push(median(times))
    }
  }
  await file.close()
  await sqlite.close()
  await postgres.close()

  // The server's memory on each engine, after 100 audited deletes against the fake 8x8.
  const seed = seedWithFlows({ ...sandboxSeed, apiKey: 'bench-key' }, 200)
  const [channel] = seed.channels
  const drafts = channel.flows.filter((flow) => flow.status === 'DRAFT').slice(0, 100)
  const memory: Record<string, number> = {}
  for (const [name, databaseUrl] of [
    ['SQLite (libSQL, WAL, synchronous=full)', `file:${join(dir, 'server.db')}`],
    ['Postgres (fsync on, loopback)', postgresUrl],
  ] as const) {
    const fake = await startFake8x8(seed)
    const app = await startAppServer({
      EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: channel.id,
      EIGHTX8_BASE_URL: fake.baseUrl, EIGHTX8_RATE_LIMIT_PER_MINUTE: '0', DATABASE_URL: databaseUrl,
    })
    for (const flow of drafts) {
      await fetch(app.url(`/api/v1/accounts/${seed.accountId}/channels/${channel.id}/flows/${flow.id}`), { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } })
    }
    memory[name] = rssMb(app.pid)
    await app.stop()
    await fake.stop()
  }

  const baseline = median(samples.get(writers[0][0])!)
  const rows = writers.map(([name]) => {
    const sorted = samples.get(name)!.toSorted((a, b) => a - b)
    const medians = roundMedians.get(name)!
    return `| ${name} | ${fine(pct(sorted, 0.5))} | ${fine(pct(sorted, 0.99))} | ${fine(Math.min(...medians))} – ${fine(Math.max(...medians))} | ${(pct(sorted, 0.5) / baseline).toFixed(2)}× | ${memory[name] === undefined ? '—' : `${memory[name].toFixed(0)} MB`} |`
  })
  results.store = {
    writeMs: Object.fromEntries(writers.map(([name]) => [name, { p50: pct(samples.get(name)!.toSorted((a, b) => a - b), 0.5), p99: pct(samples.get(name)!.toSorted((a, b) => a - b), 0.99), roundMedians: roundMedians.get(name) }])),
    serverRssMb: memory,
  }
  markdown.push(
    `### Audit writes (one durable write each, ${rounds} interleaved rounds of 50) and server memory`,
    '',
    '| where | p50 | p99 | spread of round medians | p50 vs file | server RSS after 100 deletes |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  )
})

test.afterAll(() => {
  const header = `Measured ${results.date} on ${process.version}, ${process.platform}, by \`npm run bench\`.`
  const table = [header, '', ...markdown].join('\n')
  mkdirSync(join(root, 'bench', 'results'), { recursive: true })
  writeFileSync(join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(join(root, 'bench', 'results', 'latest.md'), `${table}\n`)
  // docs/performance.md shows the latest numbers between its bench markers, only from a run that
  // measured everything (a run narrowed with -g writes bench/results only).
  const sections = markdown.filter((line) => line.startsWith('### ')).length
  const readmePath = join(root, 'docs', 'performance.md')
  const readme = readFileSync(readmePath, 'utf8')
  const updated = readme.replace(/(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/, `$1${table}\n$2`)
  if (sections === benchSections && updated !== readme) writeFileSync(readmePath, updated)
  process.stdout.write(`\n${table}\n`)
})
