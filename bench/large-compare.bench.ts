import { test } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { historyPath, largeVersions, saveVersion } from '../e2e/large-versions'
import { longTasksSeen, watchLongTasks } from './support/long-tasks'
import { saveSection } from './support/results'
import { median, range } from './support/stats'

/**
 * `npm run bench`: History comparing a 300 kB version with a 1 MB one-line version (the largest 8x8
 * takes), in the sandbox: from Compare selected to the difference painted, and the longest task the
 * page ran meanwhile (the page answers nothing during a task). Nothing here passes or fails on a number.
 */

const rounds = 5
test('History: comparing a 300 kB version with a 1 MB one-line version', async ({ browser }) => {
  test.setTimeout(5 * 60_000)
  const app = await startAppServer({ SANDBOX_LATENCY_MS: '0' }, { logToFile: true })
  const base = app.url('').replace(/\/$/, '')
  const [pretty, oneLine] = largeVersions()
  const painted: number[] = []
  const longest: number[] = []
  try {
    for (const text of [pretty, oneLine]) await saveVersion(base, text)
    for (let round = 0; round < rounds; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      await page.goto(`${base}${historyPath}`)
      const rows = page.getByRole('table', { name: /^Versions of / }).getByRole('row').filter({ has: page.getByRole('rowheader') })
      await rows.nth(0).getByRole('checkbox').check()
      await rows.nth(1).getByRole('checkbox').check()
      await watchLongTasks(page)
      const started = await page.evaluate(() => performance.now())
      await page.getByRole('button', { name: /^Compare selected/ }).click()
      await page.locator('.cm-mergeView .cm-changedLine').first().waitFor({ timeout: 120_000 })
      painted.push((await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))))) - started)
      await page.waitForTimeout(500)
      longest.push(Math.max(0, ...(await longTasksSeen(page))))
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
