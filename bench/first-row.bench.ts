import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, type Browser } from '@playwright/test'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { startAppServer, type AppServer } from '../e2e/app-server'
import { startFake8x8 } from '../e2e/fake-8x8'
import { serverFirstScreen } from '../src/features/flows/use-first-screen'
import { sandboxSeed, seedWithFlows } from '../src/server/sandbox/seed'
import { PlainTable } from './plain-table/plain-table'
import { bytesOnTheWire } from './support/http'
import { buildBaseline, firstRowPainted, watchFirstRow } from './support/pages'
import { root, saveSection } from './support/results'
import { kb, median, ms, ratioSpread } from './support/stats'

/**
 * `npm run bench`: the first flow row painted, each page served as in production, side by side:
 * - Flows Admin by its own server in live mode against a fake 8x8 (the first screen rendered there);
 * - a plain React table, built as the app is, served by a bare Node server that proxies the same list
 *   from the same fake 8x8 (`bench/baselines/page-server.mjs`);
 * - a static HTML page holding the same rows, from that server: the floor (no code, no call to 8x8).
 * At 100 and 1000 flows, with 0 and 50 ms of latency on every call to 8x8; interleaved cold loads in
 * fresh browser contexts. Also: the time until a Delete button opens its dialog, and the HTML's size.
 * `BENCH_BEFORE_DIST=<dist of an earlier build>` adds that build beside them, as "before".
 * Nothing here passes or fails on a number.
 */

const rounds = 9
const results: Record<string, unknown> = {}
const markdown: string[] = []
const before = process.env.BENCH_BEFORE_DIST

type Which = 'console' | 'plain' | 'static' | 'before'
type Load = { firstRow: number; deleteOpens?: number }

/** After the first row, click a draft's Delete every frame until its dialog is open: when the page answers. */
async function watchDeleteOpens(browser: Browser) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.addInitScript(() => {
    const w = window as unknown as { firstRowPainted?: number; deleteOpens?: number }
    const tryDelete = () => {
      if (document.querySelector('[role="alertdialog"]')) return void (w.deleteOpens = performance.now())
      const button = [...document.querySelectorAll<HTMLButtonElement>('main tbody button')].find(
        (b) => b.textContent?.trim() === 'Delete' && !b.disabled && b.getAttribute('aria-disabled') !== 'true',
      )
      if (w.firstRowPainted !== undefined) button?.click()
      requestAnimationFrame(tryDelete)
    }
    requestAnimationFrame(tryDelete)
  })
  return { context, page }
}

async function loadOnce(browser: Browser, which: Which, url: string): Promise<Load> {
  const interactive = which === 'console' || which === 'before'
  const { context, page } = interactive ? await watchDeleteOpens(browser) : await browser.newContext().then(async (c) => ({ context: c, page: await c.newPage() }))
  await watchFirstRow(page, interactive ? 'table.flows-table tbody tr' : 'tbody tr')
  await page.goto(url)
  const firstRow = await firstRowPainted(page)
  const deleteOpens = interactive
    ? ((await (await page.waitForFunction(() => (window as unknown as { deleteOpens?: number }).deleteOpens, undefined, { timeout: 30_000 })).jsonValue()) as number)
    : undefined
  await context.close()
  return { firstRow, deleteOpens }
}

test('first row painted: Flows Admin (rendered by its server) beside a plain React table and a static page of the same rows', async ({ browser }) => {
  test.setTimeout(30 * 60_000)
  const plainDir = await buildBaseline('plain-table')
  const rows: string[] = [
    '| flows | latency to 8x8 | Flows Admin | plain table | **Flows Admin ÷ plain** (p25–p75) | static page | Flows Admin ÷ static | Delete opens its dialog |',
    '|---|---|---|---|---|---|---|---|',
  ]
  const beforeRows: string[] = ['| flows | latency to 8x8 | first row: now | before | now ÷ before (p25–p75) | Delete opens: now | before | now ÷ before (p25–p75) |', '|---|---|---|---|---|---|---|---|']
  const measured: Record<string, Record<string, Load[]>> = {}
  let htmlBytes: { raw: number; brotli: number; gzip: number } | undefined

  for (const flows of [100, 1000]) {
    const seed = seedWithFlows({ ...sandboxSeed, apiKey: 'bench-key' }, flows)
    const [channel] = seed.channels
    const listPath = `/api/v1/accounts/${seed.accountId}/channels/${channel.id}/flows?limit=1000`
    const list = channel.flows.map(({ id, name, status }) => ({ id, name, status }))
    writeFileSync(join(plainDir, 'static.html'), `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Static rows</title></head><body>${renderToStaticMarkup(createElement(PlainTable, { flows: list }))}</body></html>`)
    for (const latencyMs of [0, 50]) {
      const fake = await startFake8x8(seed, { latencyMs })
      const live = { EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: channel.id, EIGHTX8_BASE_URL: fake.baseUrl, EIGHTX8_RATE_LIMIT_PER_MINUTE: '0' }
      const servers: Partial<Record<Which, AppServer>> = {
        console: await startAppServer(live, { logToFile: true }),
        plain: await startAppServer({ STATIC_DIR: plainDir, EIGHTX8_BASE_URL: fake.baseUrl, EIGHTX8_API_KEY: seed.apiKey, LIST_PATH: listPath }, { entry: join(root, 'bench', 'baselines', 'page-server.mjs') }),
        ...(before ? { before: await startAppServer(live, { logToFile: true, entry: join(before, 'server', 'main.js') }) } : {}),
      }
      const page = `/accounts/${seed.accountId}/channels/${channel.id}/flows`
      const urls: Partial<Record<Which, string>> = { console: servers.console!.url(page), plain: servers.plain!.url('/'), static: servers.plain!.url('/static'), ...(servers.before ? { before: servers.before.url(page) } : {}) }
      if (flows === 100 && latencyMs === 0) {
        const [raw, brotli, gzip] = await Promise.all(['identity', 'br', 'gzip'].map((encoding) => bytesOnTheWire(urls.console!, encoding)))
        if (brotli.encoding !== 'br' || gzip.encoding !== 'gzip') throw new Error('the page did not come compressed')
        htmlBytes = { raw: raw.bytes, brotli: brotli.bytes, gzip: gzip.bytes }
      }
      const which = Object.keys(urls) as Which[]
      const loads = Object.fromEntries(which.map((w) => [w, [] as Load[]])) as Record<Which, Load[]>
      // One warm-up of each, then `rounds` of each, the order rotating from round to round.
      for (let round = 0; round <= rounds; round++) {
        for (const w of [...which.slice(round % which.length), ...which.slice(0, round % which.length)]) {
          const load = await loadOnce(browser, w, urls[w]!)
          if (round > 0) loads[w].push(load)
        }
      }
      for (const server of Object.values(servers)) await server.stop()
      await fake.stop()
      measured[`${flows}@${latencyMs}ms`] = loads

      const first = (w: Which) => loads[w].map((l) => l.firstRow)
      const paired = (a: Which, b: Which, of: (l: Load) => number) => loads[a].map((l, k) => of(l) / of(loads[b][k]))
      rows.push(
        `| ${flows} | ${latencyMs} ms | ${ms(median(first('console')))} | ${ms(median(first('plain')))} | **${(median(first('console')) / median(first('plain'))).toFixed(2)}×** (${ratioSpread(paired('console', 'plain', (l) => l.firstRow))}) | ${ms(median(first('static')))} | ${(median(first('console')) / median(first('static'))).toFixed(2)}× | ${ms(median(loads.console.map((l) => l.deleteOpens!)))} |`,
      )
      if (loads.before) {
        const opens = (w: Which) => loads[w].map((l) => l.deleteOpens!)
        beforeRows.push(
          `| ${flows} | ${latencyMs} ms | ${ms(median(first('console')))} | ${ms(median(first('before')))} | ${(median(first('console')) / median(first('before'))).toFixed(2)}× (${ratioSpread(paired('console', 'before', (l) => l.firstRow))}) | ${ms(median(opens('console')))} | ${ms(median(opens('before')))} | ${(median(opens('console')) / median(opens('before'))).toFixed(2)}× (${ratioSpread(paired('console', 'before', (l) => l.deleteOpens!))}) |`,
        )
      }
    }
  }
  Object.assign(results, { rounds, htmlBytes, measured })
  markdown.push(
    `### First flow row painted, each page served as in production (${rounds} interleaved cold loads of each; aim: Flows Admin ≤ 0.9× the plain table)`,
    '',
    'Flows Admin by its own server in live mode against a fake 8x8 (the first screen rendered by the server); a plain React table by a bare Node server proxying the same list from the same fake (`bench/baselines/page-server.mjs`); a static HTML page of the same rows from that server (the floor: no code, no call to 8x8). Times from the start of the navigation; "Delete opens its dialog": a draft\'s Delete clicked every frame from the first row until its dialog is open.',
    '',
    ...rows,
    '',
    `HTML of a 100-flow page: ${kb(htmlBytes!.raw)}, sent as ${kb(htmlBytes!.brotli)} brotli or ${kb(htmlBytes!.gzip)} gzip (to a browser that accepts neither, as it is): the styles, the header, the first ${serverFirstScreen} rows and the list they came from.`,
    '',
    ...(before ? ['Beside an earlier build (`BENCH_BEFORE_DIST`), same rounds:', '', ...beforeRows, ''] : []),
  )
})

test.afterAll(() => saveSection('first-row', results, markdown))
