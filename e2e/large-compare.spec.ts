import { expect, test } from './fixtures'
import { historyPath, largeVersions, saveVersion } from './large-versions'

// Comparing large versions never stops the page answering: a 300 kB flow with a 1 MB one-line one.

test('comparing a 300 kB version with a 1 MB one-line version: the page keeps answering, and says how it compared them', async ({ page, sandbox }) => {
  test.slow()
  const base = sandbox.url('').replace(/\/$/, '')
  const [pretty, oneLine] = largeVersions()
  expect(pretty.length).toBeGreaterThan(290_000)
  expect(oneLine.length).toBeGreaterThan(990_000)
  expect(oneLine.length).toBeLessThan(1_000_000)
  await saveVersion(base, pretty)
  await saveVersion(base, oneLine)

  await page.goto(`${base}${historyPath}`)
  const rows = page.getByRole('table', { name: /^Versions of / }).getByRole('row').filter({ has: page.getByRole('rowheader') })
  await rows.nth(0).getByRole('checkbox').check()
  await rows.nth(1).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Compare selected (2 of 2)' }).click()
  const difference = page.getByRole('region', { name: 'Difference' })
  await expect(difference).toContainText(/lines? added/, { timeout: 20_000 })
  await expect(difference).toContainText(/too large to compare character by character/i)
  // The page answers: a click elsewhere does what it says at once.
  await rows.nth(2).getByRole('checkbox').check({ timeout: 5_000 })
  await expect(page.getByRole('button', { name: 'Compare selected (2 of 2)' })).toBeVisible()
})
