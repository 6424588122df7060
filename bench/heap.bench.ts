import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { test } from '@playwright/test'
import { sandboxSeed } from '../src/server/sandbox/seed'
import { buildBaseline, heapAfterGc, sandboxWith, timeToFirstRow, watchFirstRow } from './support/pages'
import { saveSection } from './support/results'
import { mb, median } from './support/stats'

/** `npm run bench`: The JS heap with 1000 flows rendered, beside a plain React table of the same rows. Nothing here passes or fails on a number. */

const results: Record<string, unknown> = {}
const markdown: string[] = []

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

test.afterAll(() => saveSection('heap', results, markdown))
