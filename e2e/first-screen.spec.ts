import type { Page } from '@playwright/test'
import { serverFirstScreen } from '../src/features/flows/use-first-screen'
import { expect, flowsTable, test } from './fixtures'

/**
 * `paintedAt`: when that frame had been painted (a task after its frame callback), once it has.
 * `parsed`: the rows when the page the server sent had been parsed, before the app's code ran.
 */
type FirstFrame = { rows: number; rowsEnd: number; windowHeight: number; paintedAt?: number; parsed?: { rows: number; end: number } }

/**
 * What the first frame with flow rows shows: how many rows, and where the last one ends. Recorded
 * from a frame callback, which runs once React has committed and before that frame is painted.
 */
async function recordFirstFrame(page: Page) {
  await page.addInitScript(() => {
    // "interactive": the document is parsed; deferred scripts (the app's modules) have not run yet.
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return
      const rows = document.querySelectorAll('main table.flows-table tbody tr')
      const w = window as unknown as { parsed: FirstFrame['parsed'] }
      w.parsed = { rows: rows.length, end: rows.length === 0 ? 0 : rows[rows.length - 1].getBoundingClientRect().bottom }
    })
    const observer = new MutationObserver(() => {
      // In the page, not in the hidden element React streams the rows into before it moves them there.
      const body = document.querySelector('main table.flows-table tbody')
      if (!body?.querySelector('tr')) return
      observer.disconnect()
      requestAnimationFrame(() => {
        const rows = body.querySelectorAll('tr')
        const frame: FirstFrame = { rows: rows.length, rowsEnd: rows[rows.length - 1].getBoundingClientRect().bottom, windowHeight: window.innerHeight }
        ;(window as unknown as { firstFrame: FirstFrame }).firstFrame = frame
        setTimeout(() => (frame.paintedAt = performance.now()))
      })
    })
    observer.observe(document, { childList: true, subtree: true })
  })
}

/** The first frame with rows; with `painted`, once it has been painted. */
async function firstFrame(page: Page, { painted = false } = {}): Promise<FirstFrame> {
  const handle = await page.waitForFunction(
    (paintedToo) => {
      const frame = (window as unknown as { firstFrame?: FirstFrame }).firstFrame
      return frame && (!paintedToo || frame.paintedAt !== undefined) ? frame : undefined
    },
    painted,
  )
  return (await handle.jsonValue()) as FirstFrame
}

test.describe('the first screen of 100 flows', () => {
  test.use({ serverEnv: { SANDBOX_FLOWS: '100' } })

  for (const [width, height] of [
    [1280, 720],
    [390, 844],
    [1920, 1080],
    [1080, 1920],
  ]) {
    test(`fills a ${width}×${height} window with rows (in its first frame when the server's ${serverFirstScreen} rows can), then shows all 100`, async ({ page, sandbox }) => {
      await page.setViewportSize({ width, height })
      await recordFirstFrame(page)
      await page.goto(sandbox.url('/'))
      const frame = await firstFrame(page)
      // The server's first screen (the browser may paint it while it is still parsing), not the whole list.
      expect(frame.rows).toBeGreaterThan(0)
      expect(frame.rows).toBeLessThanOrEqual(serverFirstScreen)
      // Once the page the server sent is parsed, before the app has run: its rows, filling the window
      // when they can.
      const parsed = await page.evaluate(() => (window as unknown as { parsed?: { rows: number; end: number } }).parsed)
      expect(parsed?.rows).toBe(serverFirstScreen)
      if (height <= 1250) expect(parsed?.end).toBeGreaterThanOrEqual(height)
      await expect(flowsTable(page).getByRole('row')).toHaveCount(101)
      const lastRowEnd = await flowsTable(page).locator('tbody tr').last().evaluate((row) => row.getBoundingClientRect().bottom)
      expect(lastRowEnd).toBeGreaterThanOrEqual(height)
    })
  }
})

test('fetches no lazily loaded code before the first rows are painted', async ({ page, sandbox }) => {
  await recordFirstFrame(page)
  await page.goto(sandbox.url('/'))
  const { paintedAt } = await firstFrame(page, { painted: true })
  // Preloaded after the first paint: the change dialogs' chunk, Recent activity, toasts.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').filter(({ name }) => /\.(js|css)$/.test(name)).length)).toBeGreaterThan(3)
  // What the page itself names (as served, before the app adds lazily loaded styles to it).
  const html = await (await page.request.get(sandbox.url('/'))).text()
  const initial = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(([, path]) => sandbox.url(path))
  const { early, later } = await page.evaluate((painted) => {
    const code = performance.getEntriesByType('resource').filter(({ name }) => /\.(js|css)$/.test(new URL(name).pathname))
    return {
      early: code.filter((entry) => entry.startTime < painted).map((entry) => entry.name),
      later: code.filter((entry) => entry.startTime >= painted).map((entry) => entry.name),
    }
  }, paintedAt!)
  expect(early.toSorted()).toEqual(initial.toSorted())
  expect(later.length).toBeGreaterThan(0)
})

test('the first page’s code and styles arrive compressed, as many bytes as the budget counts or fewer', async ({ page, sandbox }) => {
  const arrived: { url: string; encoding?: string; bytes: number }[] = []
  page.on('requestfinished', async (request) => {
    if (!/\/assets\/[^/]+\.(js|css)$/.test(new URL(request.url()).pathname)) return
    const response = await request.response()
    const sizes = await request.sizes()
    arrived.push({ url: request.url(), encoding: (await response?.allHeaders())?.['content-encoding'], bytes: sizes.responseBodySize })
  })
  await page.goto(sandbox.url('/'))
  await expect(flowsTable(page).getByRole('row')).not.toHaveCount(0)
  const html = await (await page.request.get(sandbox.url('/'))).text()
  const initial = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(([, path]) => sandbox.url(path))
  await expect.poll(() => initial.every((url) => arrived.some((one) => one.url === url))).toBe(true)
  const first = arrived.filter(({ url }) => initial.includes(url))
  // Brotli, as Chromium accepts it; the build leaves files under 1 kB (the 0.6 kB runtime) as they are.
  for (const { url, encoding, bytes } of first) if (bytes > 1024) expect(encoding, url).toBe('br')
  expect(first.filter(({ bytes }) => bytes > 1024).length).toBeGreaterThan(0)
  // What crossed the wire, against the 105 kB of gzip the budget allows (scripts/bundle-size.mjs).
  expect(first.reduce((total, { bytes }) => total + bytes, 0)).toBeLessThanOrEqual(105_000)
})

test('the page itself arrives compressed, its rows and list included', async ({ page, sandbox }) => {
  const response = (await page.goto(sandbox.url('/')))!
  await expect(flowsTable(page).getByRole('row')).not.toHaveCount(0)
  expect(await response.headerValue('content-encoding')).toBe('br')
  const { responseBodySize } = await response.request().sizes()
  const html = await response.text()
  expect(html).toContain('id="flows-admin-state"')
  // The sandbox's page is about 28 kB as it is (its styles, 14 rows and their list): a quarter of that or less.
  expect(responseBodySize).toBeLessThan(html.length / 4)
})
