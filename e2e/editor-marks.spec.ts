import type { Page } from '@playwright/test'
import { expect, lastSave, test } from './fixtures'

// Meta's error marks are exactly Meta's last answer, at their place as the text is now, and the list
// under the editor says the same; JSON that does not parse is listed too.

const validation = (page: Page) => page.getByRole('region', { name: 'Validation errors' })
const selectedText = (page: Page) => () => page.evaluate(() => getSelection()?.toString())
const errorMarks = (page: Page) => page.locator('.cm-lint-marker-error, .cm-lintRange-error')

async function openDraftWithErrors(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('link', { name: 'Edit Customer feedback – draft 2' }).click()
  await expect(validation(page).getByRole('button', { name: /^Line \d+, column \d+:/ })).toHaveCount(2)
  await expect(errorMarks(page).first()).toBeVisible()
}

test('after a save that fixed them, no mark of Meta\'s errors is left, in the text or its gutter, nor under the Publish confirmation', async ({ page, sandbox }) => {
  test.slow()
  await openDraftWithErrors(page, sandbox.url('/'))
  const errors = validation(page)
  await errors.getByRole('button', { name: /^Line 12, column 21:/ }).click()
  await expect.poll(selectedText(page)).toBe('"TextBodyy"')
  await page.keyboard.insertText('"TextBody"')
  await errors.getByRole('button', { name: /^Line 18, column 90:/ }).click()
  await expect.poll(selectedText(page)).toBe('"THANKS"')
  await page.keyboard.insertText('"THANK_YOU"')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(lastSave(page)).toContainText('Saved “Customer feedback – draft 2”')
  await expect(lastSave(page)).toContainText('Meta found no errors')
  await expect(errorMarks(page)).toHaveCount(0)
  await page.getByRole('button', { name: 'Publish…' }).click()
  await expect(page.getByRole('alertdialog', { name: 'Publish flow?' })).toBeVisible()
  await expect(errorMarks(page)).toHaveCount(0)
})

test('the list says where each of Meta\'s errors is now, after lines added above it', async ({ page, sandbox }) => {
  await openDraftWithErrors(page, sandbox.url('/'))
  await page.getByRole('textbox', { name: 'Flow JSON' }).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('End')
  for (let line = 0; line < 3; line++) await page.keyboard.press('Enter')
  const errors = validation(page)
  await expect(errors.getByRole('button', { name: /^Line 15, column 21:/ })).toBeVisible()
  await expect(errors.getByRole('button', { name: /^Line 21, column 90:/ })).toBeVisible()
  await errors.getByRole('button', { name: /^Line 15, column 21:/ }).click()
  await expect.poll(selectedText(page)).toBe('"TextBodyy"')
})

test('JSON that does not parse is listed with its line and column, and a click goes there', async ({ page, sandbox }) => {
  await openDraftWithErrors(page, sandbox.url('/'))
  await page.getByRole('textbox', { name: 'Flow JSON' }).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('oops')
  const entry = validation(page).getByRole('button', { name: /^Line 2, column \d+: The JSON does not parse/ })
  await expect(entry).toBeVisible()
  await entry.click()
  await expect(page.getByRole('textbox', { name: 'Flow JSON' })).toBeFocused()
})
