import { confirmDelete, expect, test, toast } from './fixtures'

/** Where the keyboard focus is: never the page's body. */
const focused = (page: import('@playwright/test').Page) => page.evaluate(() => document.activeElement?.tagName ?? '')

test.describe('the focus is never lost to the page', () => {
  test.use({ serverEnv: { SANDBOX_LATENCY_MS: '0' } })

  test("on entering Deleted flows and going Back, it lands on the new page's heading", async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await page.getByRole('link', { name: /^Deleted flows/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Deleted flows' })).toBeFocused()
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: 'WhatsApp Flows' })).toBeFocused()
  })

  test("after Restore flow, from the keyboard and with the mouse, it is on the copy's row", async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    for (const name of ['Old promo', 'Spring sale survey']) {
      await confirmDelete(page, name)
      await expect(toast(page, `Deleted “${name}”`)).toBeVisible()
    }
    await page.getByRole('link', { name: /^Deleted flows/ }).click()

    await page.getByRole('button', { name: 'Restore Old promo' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore flow' }).press('Enter')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await expect(page.getByRole('row').filter({ hasText: 'Old promo' })).toBeFocused()

    await page.getByRole('button', { name: 'Restore Spring sale survey' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore flow' }).click()
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await expect(page.getByRole('row').filter({ hasText: 'Spring sale survey' })).toBeFocused()
  })

  test('after Undo clicked with the mouse, it is back on the page, not on its body', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await confirmDelete(page, 'Old promo')
    await toast(page, 'Deleted “Old promo”').getByRole('button', { name: 'Undo (restores as a new draft)' }).click()
    await expect(toast(page, 'Restored “Old promo” as a new draft')).toBeVisible()
    expect(await focused(page)).not.toBe('BODY')
  })
})
