import { join } from 'node:path'
import type { Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { startAppServer, type AppServer } from '../../e2e/app-server'
import { reactRouterTreeShaking } from '../../scripts/react-router-tree-shaking'
import { root } from './results'

// What the bench does in a page: when its first row is painted, its heap, a keystroke's paint.

export function sandboxWith(flows: number): Promise<AppServer> {
  return startAppServer({ SANDBOX_FLOWS: String(flows), SANDBOX_LATENCY_MS: '0' })
}

/**
 * Before any script runs: record when the first row of a table body is on the page and painted. A
 * row React streams into a hidden element, before it moves it into place, does not count.
 */
export async function watchFirstRow(page: Page, selector = 'table.flows-table tbody tr') {
  await page.addInitScript((rowSelector) => {
    const w = window as unknown as { firstRowPainted?: number }
    const observer = new MutationObserver(() => {
      const shown = [...document.querySelectorAll(rowSelector)].some((row) => !row.closest('[hidden]'))
      if (!shown) return
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

/** When the first row was painted (watchFirstRow), in ms since the navigation started. */
export async function firstRowPainted(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { firstRowPainted?: number }).firstRowPainted, undefined, { timeout: 30_000 })
  return (await handle.jsonValue()) as number
}

export async function timeToFirstRow(server: AppServer, page: Page): Promise<number> {
  await page.goto(server.url('/'))
  return firstRowPainted(page)
}

/**
 * JSHeapUsedSize after two forced garbage collections (Chromium's own count), once the page has
 * settled (no request for 500 ms: what loads after the first content is in), so a run does not catch
 * it halfway; it moved the console's heap by ±150 kB between runs.
 */
export async function heapAfterGc(page: Page): Promise<number> {
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
export async function keystrokeToPaint(page: Page, key: string): Promise<number | null> {
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

/** `bench/<name>` built as the app is (react-router's production build, with the same tree-shaking). */
export async function buildBaseline(name: 'plain-table'): Promise<string> {
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

/** From now on, each key pressed in the page is timed from its keydown to the next frame (read with keyLatencies). */
export async function watchKeyLatencies(page: Page) {
  await page.evaluate(() => {
    const latencies: number[] = []
    ;(window as unknown as { latencies: number[] }).latencies = latencies
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp
        requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - start)))
      },
      true,
    )
  })
}

export const keyLatencies = (page: Page) => page.evaluate(() => (window as unknown as { latencies: number[] }).latencies)
