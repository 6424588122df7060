import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, flowsTable, lastSave, test } from './fixtures'

// The whole life of a flow in the console: create, clone, edit, publish, with Meta's errors at their place.

const row = (page: Page, name: string) => flowsTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
const validation = (page: Page) => page.getByRole('region', { name: 'Validation errors' })
/** The editor's text as CodeMirror holds it (its content element is the labelled textbox). */
const editorBox = (page: Page) => page.getByRole('textbox', { name: 'Flow JSON' })
const selectedText = (page: Page) => () => page.evaluate(() => getSelection()?.toString())

// One error, on line 5: a component type Meta does not know.
const uploaded = `{
  "version": "7.3",
  "screens": [
    { "id": "ASK", "title": "Ask", "terminal": true, "layout": { "type": "SingleColumnLayout", "children": [
      { "type": "TextBodyy", "text": "Hello" }
    ] } }
  ]
}
`

test('a draft with errors: each error is listed, a click goes to its place, and the fixed draft is saved and published', async ({ page, sandbox }) => {
  test.slow()
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Customer feedback – draft 2' }).click()
  await expect(page.getByRole('heading', { name: 'Edit “Customer feedback – draft 2”' })).toBeVisible()
  const errors = validation(page)
  await expect(errors.getByRole('button', { name: /^Line \d+, column \d+:/ })).toHaveCount(2)

  await errors.getByRole('button', { name: /^Line 12, column 21:/ }).click()
  await expect.poll(selectedText(page)).toBe('"TextBodyy"')
  await page.keyboard.insertText('"TextBody"')
  await errors.getByRole('button', { name: /^Line 18, column 90:/ }).press('Enter')
  await expect.poll(selectedText(page)).toBe('"THANKS"')
  await page.keyboard.insertText('"THANK_YOU"')

  const publish = page.getByRole('button', { name: 'Publish…' })
  await expect(publish).toHaveAttribute('aria-disabled', 'true')
  await expect(page.getByText('Save your changes first')).toBeVisible()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(lastSave(page)).toContainText('Saved “Customer feedback – draft 2”')
  await expect(lastSave(page)).toContainText('Meta found no errors')
  await expect(errors).toContainText('Meta found no errors in the last saved JSON')

  await publish.click()
  const dialog = page.getByRole('alertdialog', { name: 'Publish flow?' })
  await expect(dialog).toContainText('Publishing cannot be undone')
  await dialog.getByRole('button', { name: 'Publish flow' }).click()
  await expect(row(page, 'Customer feedback – draft 2')).toContainText('PUBLISHED')
})

test('live: an uploaded JSON goes to 8x8 byte for byte; its error is marked at its line and the draft is kept', async ({ page, live }) => {
  await page.goto(live.app.url('/'))
  await page.getByRole('link', { name: 'New flow' }).click()
  await page.getByRole('textbox', { name: 'Name' }).fill('Uploaded survey')
  await page.getByRole('checkbox', { name: 'Survey' }).check()
  await page.getByLabel('Upload JSON file').setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(uploaded) })
  await expect(editorBox(page)).toContainText('TextBodyy')
  await page.getByRole('button', { name: 'Create draft' }).click()

  await expect(lastSave(page)).toContainText('Created draft “Uploaded survey”')
  await expect(lastSave(page)).toContainText('Saved as a draft with 1 error; it cannot be published until they are fixed')
  await expect(page.getByRole('heading', { name: 'Edit “Uploaded survey”' })).toBeVisible()
  const creates = live.fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/flows'))
  expect(creates).toHaveLength(1)
  expect((JSON.parse(creates[0].body ?? '{}') as { flowJson: string }).flowJson).toBe(uploaded)

  await validation(page).getByRole('button', { name: /^Line 5, column 17:/ }).click()
  await expect.poll(selectedText(page)).toBe('"TextBodyy"')
  await expect(page.getByRole('button', { name: 'Publish…' })).toHaveAttribute('aria-disabled', 'true')
  // The row says so too (8x8's list does not: the server counts what Meta said at the last save here).
  await page.getByRole('link', { name: /^← Flows in / }).click()
  await expect(row(page, 'Uploaded survey')).toContainText('Errors: 1')
})

test('a published flow is changed by cloning it: one clone for a double click, opened in the editor, saved as a draft', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('button', { name: 'Clone Loan Collection' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Clone flow' })
  await expect(dialog.getByRole('textbox', { name: 'Name of the clone' })).toHaveValue('Loan Collection (copy)')
  await expect(dialog.getByRole('textbox', { name: 'Name of the clone' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Clone flow' }).dblclick()
  await expect(page.getByRole('heading', { name: 'Edit “Loan Collection (copy)”' })).toBeVisible()

  await page.getByRole('textbox', { name: 'Name' }).fill('Loan Collection v2')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(lastSave(page)).toContainText('Saved “Loan Collection v2”')
  await page.getByRole('link', { name: '← Flows in Acme Retail' }).click()
  await expect(row(page, 'Loan Collection v2')).toContainText('DRAFT')
  await expect(row(page, 'Loan Collection')).toContainText('PUBLISHED')
  await expect(row(page, 'Loan Collection (copy)')).toHaveCount(0)
})

test('leaving with unsaved changes asks first, and the changes are offered back when the editor opens again', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await editorBox(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('"unsaved marker"')
  // Kept as it is typed, then the in-app link asks.
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('flows-admin:unsaved:')))
  const asked = new Promise<string>((resolve) => page.once('dialog', (question) => void question.accept().then(() => resolve(question.message()))))
  await page.getByRole('link', { name: '← Flows in Acme Retail' }).click()
  expect(await asked).toContain('Leave the editor?')
  await expect(flowsTable(page)).toBeVisible()

  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await expect(page.getByText(/Unsaved changes from .* are kept in this browser/)).toBeVisible()
  await expect(editorBox(page)).not.toContainText('unsaved marker')
  await page.getByRole('button', { name: 'Bring them back' }).click()
  // CodeMirror renders the lines in view: go to the end, where the marker was typed.
  await editorBox(page).click()
  await page.keyboard.press('Control+End')
  await expect(editorBox(page)).toContainText('unsaved marker')
})

test("the browser's Back with unsaved changes asks as a link does: Cancel stays, with the changes; OK goes back", async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await editorBox(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('"unsaved marker"')
  const editorUrl = page.url()

  // The browser's Back, as the page hears it (popstate). page.goBack() would wait for a navigation the guard turns round.
  const back = () => page.evaluate(() => history.back())
  const refused = new Promise<string>((resolve) => page.once('dialog', (question) => void question.dismiss().then(() => resolve(question.message()))))
  await back()
  expect(await refused).toContain('Leave the editor?')
  await expect.poll(() => page.url()).toBe(editorUrl)
  await expect(editorBox(page)).toContainText('unsaved marker')

  const accepted = new Promise<string>((resolve) => page.once('dialog', (question) => void question.accept().then(() => resolve(question.message()))))
  await back()
  expect(await accepted).toContain('Leave the editor?')
  await expect(flowsTable(page)).toBeVisible()
})

test("closing the tab with unsaved changes asks first (the browser's own question)", async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await editorBox(page).click()
  await page.keyboard.insertText(' ')
  const asked = new Promise<string>((resolve) => page.once('dialog', (question) => void question.dismiss().then(() => resolve(question.type()))))
  await page.close({ runBeforeUnload: true })
  expect(await asked).toBe('beforeunload')
})

test('a save over a flow that changed meanwhile is refused; both texts are compared before choosing', async ({ page, sandbox, context }) => {
  test.slow()
  const editorUrl = sandbox.url('/')
  await page.goto(editorUrl)
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await expect(editorBox(page)).toBeVisible()

  // Another operator saves first.
  const other = await context.newPage()
  await other.goto(page.url())
  await editorBox(other).click()
  await other.keyboard.press('Control+End')
  await other.keyboard.insertText('\n')
  await other.getByRole('button', { name: 'Save changes' }).click()
  await expect(lastSave(other)).toContainText('Saved “Spring sale survey”')
  await other.close()

  await editorBox(page).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.insertText(' ')
  await page.getByRole('button', { name: 'Save changes' }).click()
  const refused = page.getByRole('alert').filter({ hasText: 'Not saved' })
  await expect(refused).toBeVisible()
  // Said once: what happened, with its code and Error ID.
  expect(((await refused.textContent()) ?? '').match(/not the one you opened|changed at 8x8/g)).toHaveLength(1)
  await expect(refused).toContainText('FLOW_CHANGED')
  await refused.getByRole('button', { name: 'Compare both texts' }).click()
  await expect(refused.getByRole('figure')).toContainText('At 8x8 now')
  // Keep mine saves it, over theirs: nothing else to press.
  await refused.getByRole('button', { name: 'Keep mine and save' }).click()
  await expect(lastSave(page)).toContainText('Saved “Spring sale survey”')
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toHaveCount(0)
})

test('the editor does not trap the keyboard: Escape, then Tab, leaves it', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'New flow' }).click()
  await editorBox(page).click()
  await page.keyboard.press('Tab')
  await expect(editorBox(page)).toBeFocused()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  await expect(editorBox(page)).not.toBeFocused()
})

test('the editor with errors has no serious accessibility violations', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Customer feedback – draft 2' }).click()
  await expect(validation(page).getByRole('button', { name: /^Line 12/ })).toBeVisible()
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})

test('a flow JSON over 8x8\'s 1 MB is said to be so as soon as it is there, not when Create fails', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'New flow' }).click()
  const big = `{"version":"7.3","screens":[],"note":"${'x'.repeat(1_100_000)}"}`
  await page.getByLabel('Upload JSON file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) })
  await expect(page.getByRole('status').filter({ hasText: '8x8 accepts up to 1 MB of flow JSON; this is 1.10 MB' })).toBeVisible()
})

test('Start from an example and Upload JSON file ask before they replace typed text, and Undo brings the text back', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'New flow' }).click()
  await editorBox(page).click()
  await page.keyboard.insertText('{"typed": "by hand"}')

  const declined = new Promise<string>((resolve) => page.once('dialog', (question) => void question.dismiss().then(() => resolve(question.message()))))
  await page.getByRole('button', { name: 'Start from an example' }).click()
  expect(await declined).toContain('Replace the JSON')
  await expect(editorBox(page)).toContainText('"typed": "by hand"')

  page.once('dialog', (question) => void question.accept())
  await page.getByLabel('Upload JSON file').setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from('\ufeff{"version":"7.3","screens":[]}') })
  await expect(editorBox(page)).toContainText('"screens":[]')
  await expect(editorBox(page)).not.toContainText('by hand')

  await editorBox(page).click()
  await page.keyboard.press('Control+z')
  await expect(editorBox(page)).toContainText('"typed": "by hand"')
})
