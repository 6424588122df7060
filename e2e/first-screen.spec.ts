import type { Page } from '@playwright/test'
import { expect, flowsTable, test } from './fixtures'

type FirstFrame = { rows: number; rowsEnd: number; windowHeight: number }

/**
 * What the first frame with flow rows shows: how many rows, and where the last one ends. Recorded
 * from a frame callback, which runs once React has committed (layout effects included) and before
 * that frame is painted.
 */
async function recordFirstFrame(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const body = document.querySelector('table.flows-table tbody')
      if (!body?.querySelector('tr')) return
      observer.disconnect()
      requestAnimationFrame(() => {
        const rows = body.querySelectorAll('tr')
        const frame: FirstFrame = { rows: rows.length, rowsEnd: rows[rows.length - 1].getBoundingClientRect().bottom, windowHeight: window.innerHeight }
        ;(window as unknown as { firstFrame: FirstFrame }).firstFrame = frame
      })
    })
    observer.observe(document, { childList: true, subtree: true })
  })
}

async function firstFrame(page: Page): Promise<FirstFrame> {
  const handle = await page.waitForFunction(() => (window as unknown as { firstFrame?: FirstFrame }).firstFrame)
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
    test(`fills a ${width}×${height} window with rows in its first frame, then shows all 100`, async ({ page, sandbox }) => {
      await page.setViewportSize({ width, height })
      await recordFirstFrame(page)
      await page.goto(sandbox.url('/'))
      const frame = await firstFrame(page)
      expect(frame.rowsEnd).toBeGreaterThanOrEqual(frame.windowHeight)
      // Only what the window can show is rendered first: fewer rows, not the whole list.
      expect(frame.rows).toBeLessThan(100)
      await expect(flowsTable(page).getByRole('row')).toHaveCount(101)
    })
  }
})

test('fetches no lazily loaded code before the first rows are painted', async ({ page, sandbox }) => {
  await page.addInitScript(() => {
    // When the frame with the first rows has been painted (a task after its frame callback).
    const observer = new MutationObserver(() => {
      if (!document.querySelector('table.flows-table tbody tr')) return
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => ((window as unknown as { rowsPainted: number }).rowsPainted = performance.now())))
    })
    observer.observe(document, { childList: true, subtree: true })
  })
  await page.goto(sandbox.url('/'))
  await page.waitForFunction(() => (window as unknown as { rowsPainted?: number }).rowsPainted)
  // Preloaded after the first paint: the change dialogs' chunk, Recent activity, toasts.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').filter(({ name }) => /\.(js|css)$/.test(name)).length)).toBeGreaterThan(3)
  // What the page itself names (as served, before the app adds lazily loaded styles to it).
  const html = await (await page.request.get(sandbox.url('/'))).text()
  const initial = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(([, path]) => sandbox.url(path))
  const { early, later } = await page.evaluate(() => {
    const painted = (window as unknown as { rowsPainted: number }).rowsPainted
    const code = performance.getEntriesByType('resource').filter(({ name }) => /\.(js|css)$/.test(new URL(name).pathname))
    return {
      early: code.filter((entry) => entry.startTime < painted).map((entry) => entry.name),
      later: code.filter((entry) => entry.startTime >= painted).map((entry) => entry.name),
    }
  })
  expect(early.toSorted()).toEqual(initial.toSorted())
  expect(later.length).toBeGreaterThan(0)
})

