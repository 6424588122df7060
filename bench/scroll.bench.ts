import { test, type Page } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { longTasksSeen, watchLongTasks } from './support/long-tasks'
import { saveSection } from './support/results'

/**
 * `npm run bench` (run `npm run build` first when alone): scrolling 1000 flows, 20 wheel steps of
 * 2000 px, the long tasks (over 50 ms) the page has meanwhile, quiet and with the CPU slowed 4× (as on
 * a machine whose two cores are busy), 5 rounds each, interleaved. Writes bench/results/scroll.{json,md}.
 * Nothing here passes or fails on a number.
 */
const rounds = 5
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]

async function scrollLongTasks(page: Page, url: string, cpuRate: number) {
  await page.goto(url)
  await page.getByText('1000 flows', { exact: true }).waitFor()
  // The windowed rows (they carry aria-rowindex) have replaced the first rows shown while their code loaded.
  await page.locator('tbody tr[aria-rowindex]').first().waitFor()
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))))
  await watchLongTasks(page)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
  await page.mouse.move(640, 400)
  for (let step = 0; step < 20; step++) {
    await page.mouse.wheel(0, 2000)
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  }
  await page.waitForTimeout(500)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  return longTasksSeen(page)
}

test('scrolling 1000 flows: long tasks per 20 wheel steps of 2000 px', async ({ browser }) => {
  const server = await startAppServer({ SANDBOX_FLOWS: '1000', SANDBOX_LATENCY_MS: '0' }, { logToFile: true })
  const results: Record<string, { count: number[]; longest: number[] }> = {}
  try {
    for (let round = 0; round < rounds; round++) {
      for (const rate of round % 2 === 0 ? [1, 4] : [4, 1]) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
        const page = await context.newPage()
        const tasks = await scrollLongTasks(page, server.url('/'), rate)
        await context.close()
        const key = rate === 1 ? 'quiet' : 'CPU ×4'
        results[key] ??= { count: [], longest: [] }
        results[key].count.push(tasks.length)
        results[key].longest.push(Math.max(0, ...tasks))
      }
    }
  } finally {
    await server.stop()
  }
  const table = [
    `### Scrolling 1000 flows: long tasks during 20 wheel steps of 2000 px (${rounds} interleaved rounds; aim: longest under 50 ms)`,
    '',
    '| CPU | long tasks (median, range) | longest (median, range) |',
    '|---|---|---|',
    ...Object.entries(results).map(
      ([key, r]) =>
        `| ${key} | ${median(r.count)} (${Math.min(...r.count)}–${Math.max(...r.count)}) | ${median(r.longest).toFixed(0)} ms (${Math.min(...r.longest).toFixed(0)}–${Math.max(...r.longest).toFixed(0)} ms) |`,
    ),
    '',
  ].join('\n')
  saveSection('scroll', results, table.split('\n'))
})
