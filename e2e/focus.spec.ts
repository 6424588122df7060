import { confirmDelete, expect, lastSave, test, toast } from './fixtures'

/** The editor of the sandbox's draft Old promo. */
const editorOf = (sandbox: { url: (path?: string) => string }) => sandbox.url('/accounts/5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19/channels/3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84/flows/1620387745519023/edit')

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


  for (const [opener, dialogName] of [
    ['Clone…', 'Clone flow'],
    ['Publish…', 'Publish flow?'],
  ] as const) {
    test(`in the editor, closing ${dialogName} with Escape puts it back on ${opener}`, async ({ page, sandbox }) => {
      await page.goto(editorOf(sandbox))
      const button = page.getByRole('button', { name: opener })
      await button.click()
      await expect(page.getByRole('alertdialog', { name: dialogName })).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(page.getByRole('alertdialog')).toHaveCount(0)
      await expect(button).toBeFocused()
    })
  }

  test('in History, Restore this version: Escape puts it back on the button; once restored, on the new version', async ({ page, sandbox }) => {
    await page.goto(editorOf(sandbox))
    const text = page.getByRole('textbox', { name: 'Flow JSON' })
    await text.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('\n')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(lastSave(page)).toContainText('Saved “Old promo”')
    await page.goto(editorOf(sandbox).replace(/\/edit$/, '/history'))
    const restore = page.getByRole('button', { name: /^Restore this version:/ }).first()
    await restore.click()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await expect(restore).toBeFocused()

    await restore.click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore this version' }).click()
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    const versions = page.getByRole('table', { name: /^Versions of/ })
    await expect(versions.getByRole('row').nth(1)).toContainText('Restored from an earlier version')
    await expect(versions.getByRole('row').nth(1)).toBeFocused()
  })
})

test.describe('the editor is one tab stop', () => {
  test.use({ serverEnv: { SANDBOX_LATENCY_MS: '0' } })

  test('Tab reaches its text box directly, and Escape then Shift+Tab leaves it for the control before it', async ({ page, sandbox }) => {
    await page.goto(editorOf(sandbox))
    const box = page.getByRole('textbox', { name: 'Flow JSON' })
    await expect(box).toBeVisible()
    const insideEditor = () => page.evaluate(() => Boolean(document.activeElement?.closest('.cm-editor')))
    // From the page's heading forward: the first stop inside the editor is its named text box.
    await page.getByRole('heading', { level: 1 }).focus()
    for (let i = 0; i < 30 && !(await insideEditor()); i++) await page.keyboard.press('Tab')
    await expect(box).toBeFocused()
    // And back: one step out of the editor, to a control with a name (not an unnamed scroll area).
    await page.keyboard.press('Escape')
    await page.keyboard.press('Shift+Tab')
    expect(await insideEditor()).toBe(false)
    await expect(page.locator(':focus')).toHaveAccessibleName(/\S/)
  })
})
