import { expect, flowsTable, test } from './fixtures'

// Without JavaScript: the page says so first, searching still works (a plain form, the server renders
// the result), and the controls that need JavaScript are shown as not working.

test.use({ javaScriptEnabled: false })

test('the page says first, in plain view, that it needs JavaScript and what works without it', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(sandbox.url('/'))
  const notice = page.getByRole('alert').filter({ hasText: 'Flows Admin needs JavaScript' })
  await expect(notice).toBeVisible()
  const box = (await notice.boundingBox())!
  expect(box.y).toBeLessThan(120)
  expect(await notice.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(15)
  await expect(notice).toContainText('can be read and searched')
})

test('searching works as a plain form: the server sends the flows that match', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await expect(flowsTable(page).getByRole('rowheader', { name: 'Loan Collection' })).toBeVisible()
  const search = page.getByRole('search', { name: 'Search without JavaScript' })
  await search.getByRole('searchbox', { name: 'Search by name or ID' }).fill('promo')
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/[?&]q=promo/)
  await expect(flowsTable(page).getByRole('rowheader', { name: 'Old promo' })).toBeVisible()
  await expect(flowsTable(page).getByRole('rowheader', { name: 'Loan Collection' })).toHaveCount(0)
  await expect(search.getByRole('searchbox', { name: 'Search by name or ID' })).toHaveValue('promo')
})

test('the controls that need JavaScript are shown as not working', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  const remove = page.getByRole('button', { name: 'Delete Old promo' })
  await expect(remove).toBeVisible()
  expect(await remove.evaluate((el) => ({ opacity: Number(getComputedStyle(el).opacity), events: getComputedStyle(el).pointerEvents }))).toEqual({ opacity: expect.any(Number), events: 'none' })
  expect(await remove.evaluate((el) => Number(getComputedStyle(el).opacity))).toBeLessThan(0.6)
})
