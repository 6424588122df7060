import { test } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { saveSection } from './support/results'
import { median, range } from './support/stats'

/**
 * `npm run bench`: History comparing a 300 kB version with a 1 MB one-line version (the largest 8x8
 * takes), in the sandbox: from Compare selected to the difference painted, and the longest task the
 * page ran meanwhile (the page answers nothing during a task). Nothing here passes or fails on a number.
 */

const rounds = 5
const flowsApi = '/api/v1/accounts/5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19/channels/3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84/flows'
const draft = '987412365401287'

function flowJson(screens: number, label: string) {
  return {
    version: '7.3',
    screens: Array.from({ length: screens }, (_, n) => ({
      id: `SCREEN_${n}`,
      title: `${label} ${n}`,
      terminal: n === screens - 1,
      layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: `${label} screen ${n}: ${'lorem ipsum '.repeat(8)}` }] },
    })),
  }
}

test('History: comparing a 300 kB version with a 1 MB one-line version', async ({ browser }) => {
  test.setTimeout(5 * 60_000)
  const app = await startAppServer({ SANDBOX_LATENCY_MS: '0' }, { logToFile: true })
  const base = app.url('').replace(/\/$/, '')
  const pretty = JSON.stringify(flowJson(785, 'Pretty'), null, 2)
  const oneLine = JSON.stringify(flowJson(3810, 'One line'))
  const painted: number[] = []
  const longest: number[] = []
  try {
    for (const text of [pretty, oneLine]) {
      const etag = (await fetch(`${base}${flowsApi}/${draft}/json`)).headers.get('etag')!
      const saved = await fetch(`${base}${flowsApi}/${draft}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest', 'if-match': etag, origin: base },
        body: JSON.stringify({ flowJson: text }),
      })
      if (saved.status !== 200) throw new Error(`save: HTTP ${saved.status}`)
    }
    for (let round = 0; round < rounds; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      await page.goto(`${base}/accounts/5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19/channels/3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84/flows/${draft}/history`)
      const rows = page.getByRole('table', { name: /^Versions of / }).getByRole('row').filter({ has: page.getByRole('rowheader') })
      await rows.nth(0).getByRole('checkbox').check()
      await rows.nth(1).getByRole('checkbox').check()
      await page.evaluate(() => {
        const tasks: number[] = []
        ;(window as unknown as { longTasks: number[] }).longTasks = tasks
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration)
        }).observe({ type: 'longtask' })
      })
      const started = await page.evaluate(() => performance.now())
      await page.getByRole('button', { name: /^Compare selected/ }).click()
      await page.locator('.cm-mergeView .cm-changedLine').first().waitFor({ timeout: 120_000 })
      painted.push((await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))))) - started)
      await page.waitForTimeout(500)
      longest.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)))
      await context.close()
    }
  } finally {
    await app.stop()
  }
  saveSection('large-compare', { painted, longest }, [
    `### History: a ${(pretty.length / 1000).toFixed(0)} kB version compared with a ${(oneLine.length / 1000).toFixed(0)} kB one-line version (${rounds} cold loads; aim: the page never stops answering)`,
    '',
    '| measure | median | range |',
    '|---|---|---|',
    `| Compare selected to the difference painted | ${median(painted).toFixed(0)} ms | ${range(painted)} ms |`,
    `| the longest task meanwhile (nothing answers during it) | ${median(longest).toFixed(0)} ms | ${range(longest)} ms |`,
    '',
    'Before the diff was bounded, the same comparison held the page for over 60 s (the summary diffed the texts without a limit).',
  ])
})
