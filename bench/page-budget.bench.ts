import { test, type Browser } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { startFake8x8 } from '../e2e/fake-8x8'
import { sandboxSeed, seedWithFlows } from '../src/server/sandbox/seed'
import { saveSection } from './support/results'

/**
 * `npm run bench`: what page loads cost 8x8's budget (about 100 calls a minute per API key). Three
 * browsers each load the flows page once a second for a minute, against a fake 8x8 that answers in
 * 50 ms; Flows Admin with its defaults (a list and templates just read answer page loads for 10 s),
 * then with that reuse off (EIGHTX8_LIST_REUSE_MS=0). Counted, not timed: 8x8's calls per
 * page load, the pages that came with their list as read now, as the last one read (budget refused),
 * or with an error; then whether a delete still goes through. Nothing here passes or fails on a number.
 */

const browsers = 3
const loadsPerMinute = 60
const minutes = 1

type Outcome = 'current' | 'last read' | 'error'

/** One browser's page loads, paced at one a second: how each page arrived (from the state the server sent with it). */
async function loadPages(browser: Browser, url: string, loads: number): Promise<Outcome[]> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const outcomes: Outcome[] = []
  const started = performance.now()
  for (let load = 0; load < loads; load++) {
    const wait = started + (load * 60_000) / loadsPerMinute - performance.now()
    if (wait > 0) await page.waitForTimeout(wait)
    const answer = await page.goto(url, { waitUntil: 'domcontentloaded' })
    const html = (await answer?.text()) ?? ''
    outcomes.push(html.includes('"stale":{') ? 'last read' : html.includes('"$apiError"') || !html.includes('"flows":[') ? 'error' : 'current')
  }
  await context.close()
  return outcomes
}

async function run(browser: Browser, env: Record<string, string>) {
  const seed = seedWithFlows({ ...sandboxSeed, apiKey: 'bench-key' }, 100)
  const [channel] = seed.channels
  const fake = await startFake8x8(seed, { latencyMs: 50 })
  const app = await startAppServer(
    { EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: channel.id, EIGHTX8_BASE_URL: fake.baseUrl, DATABASE_URL: ':memory:', ...env },
    { logToFile: true },
  )
  try {
    const page = app.url(`/accounts/${seed.accountId}/channels/${channel.id}/flows`)
    const outcomes = (await Promise.all(Array.from({ length: browsers }, () => loadPages(browser, page, loadsPerMinute * minutes)))).flat()
    const reads = fake.requests.filter((request) => request.method === 'GET' && /\/(flows|templates)$/.test(request.path)).length
    // Then an operator's delete (a copy's read and the DELETE), right after the minute of page loads.
    const draft = channel.flows.find((flow) => flow.status === 'DRAFT' && !flow.fault && !channel.templates?.some((template) => template.flowIds.includes(flow.id)))!
    const deleted = await fetch(app.url(`/api/v1/accounts/${seed.accountId}/channels/${channel.id}/flows/${draft.id}`), {
      method: 'DELETE',
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    })
    const count = (outcome: Outcome) => outcomes.filter((seen) => seen === outcome).length
    return { loads: outcomes.length, reads, perLoad: reads / outcomes.length, current: count('current'), lastRead: count('last read'), errors: count('error'), deleteStatus: deleted.status }
  } finally {
    await app.stop()
    await fake.stop()
  }
}

test('8x8 calls per page load: 3 browsers loading 60 pages a minute each', async ({ browser }) => {
  test.setTimeout(6 * 60_000)
  const now = await run(browser, {})
  const before = await run(browser, { EIGHTX8_LIST_REUSE_MS: '0' })
  const row = (label: string, r: typeof now) =>
    `| ${label} | ${r.loads} | ${r.reads} | **${r.perLoad.toFixed(2)}** | ${r.current} | ${r.lastRead} | ${r.errors} | ${r.deleteStatus} |`
  saveSection('page-budget', { browsers, loadsPerMinute, minutes, now, before }, [
    "### Page loads and 8x8's budget: 3 browsers, 60 page loads a minute each (aim: ≤ 0.2 of 8x8's calls per page load)",
    '',
    `${browsers} browsers each load a channel's flows page (100 flows) ${loadsPerMinute} times a minute for ${minutes} minute, against a fake 8x8`,
    "answering in 50 ms, under the default budget of 100 calls a minute (reads may take 75). 8x8's calls are the",
    "list and templates reads the fake received; a page is *current* when it came with the list as read (or reused)",
    "then, *last read* when the budget refused a read and it came with the last list read and a notice, *error* when",
    'it came without a list. Then a delete through the API. Counted, not timed (bench/page-budget.bench.ts).',
    '',
    '| Flows Admin | page loads | 8x8 calls | calls per page load | current | last read | error | delete after |',
    '|---|---|---|---|---|---|---|---|',
    row('reusing a list for 10 s (now)', now),
    row('reading 8x8 for every page (EIGHTX8_LIST_REUSE_MS=0)', before),
    '',
    'Every page load asks for 2 reads (list and templates). Without the reuse, reads stop at their share of the',
    "budget and the rest of the minute's pages come with the last list read; before the reads' share and the",
    'last-read fallback, those pages came without flows and the delete after them was refused (429).',
  ])
})
