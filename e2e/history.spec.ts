import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, lastSave, test, toast } from './fixtures'

// Every version kept: a flow's history, the difference between two versions, any version back.

const editorBox = (page: Page) => page.getByRole('textbox', { name: 'Flow JSON' })
const versionRows = (page: Page) => page.getByRole('table', { name: /^Versions of / }).getByRole('row').filter({ has: page.getByRole('rowheader') })

/** Opens a draft's editor from the list, appends `text` at the end of its JSON and saves. */
async function appendAndSave(page: Page, name: string, text: string) {
  await editorBox(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText(text)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(lastSave(page)).toContainText(`Saved “${name}”`)
  // Saved, nothing left unsaved: Publish is offered again (this flow has no errors).
  await expect(page.getByRole('button', { name: 'Publish…' })).toHaveAttribute('aria-disabled', 'false')
}

test('two saves make a history; two versions compared side by side; an earlier one brought back, and undoable', async ({ page, sandbox }) => {
  test.slow()
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await appendAndSave(page, 'Spring sale survey', '\n')
  await appendAndSave(page, 'Spring sale survey', '\n\n')
  await page.getByRole('link', { name: 'History' }).click()

  await expect(page.getByRole('heading', { name: 'History of Spring sale survey' })).toBeVisible()
  // As first seen, then two saves: newest first.
  await expect(versionRows(page)).toHaveCount(3)
  await expect(versionRows(page).nth(0)).toContainText('Saved here')
  await expect(versionRows(page).nth(2)).toContainText('Read from 8x8')

  await versionRows(page).nth(0).getByRole('checkbox').check()
  await versionRows(page).nth(2).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Compare selected (2 of 2)' }).click()
  const difference = page.getByRole('region', { name: 'Difference' })
  await expect(difference).toContainText(/[1-9]\d* lines? added, 0 removed/)
  await expect(difference.getByRole('button', { name: 'Next change' })).toBeVisible()
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  await versionRows(page).nth(2).getByRole('button', { name: /^Restore this version: / }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Restore this version?' })
  await expect(dialog).toContainText('kept in its history first')
  await dialog.getByRole('button', { name: 'Restore this version' }).click()
  await expect(toast(page, 'Restored the version of')).toBeVisible()
  await expect(versionRows(page).nth(0)).toContainText('Restored from an earlier version')
  // Each event its own row: the version brought back stays where it was.
  await expect(versionRows(page)).toHaveCount(4)
  await expect(versionRows(page).nth(3)).toContainText('Read from 8x8')
})

test('a published flow cannot be changed: a version of it comes back as a new draft, opened in the editor', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('button', { name: 'Loan Collection', exact: true }).click()
  await page.getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('heading', { name: 'History of Loan Collection' })).toBeVisible()
  await expect(page.getByText('No versions kept yet')).toBeVisible()
  // Its JSON, read once (a download), is its first version.
  await page.goBack()
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download flow JSON' }).click()
  await download
  await page.getByRole('link', { name: 'History' }).click()
  await expect(versionRows(page)).toHaveCount(1)
  await versionRows(page).first().getByRole('button', { name: /^Restore as a new draft: / }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Restore this version as a new draft?' })
  await dialog.getByRole('button', { name: 'Restore as a new draft' }).click()
  await expect(page.getByRole('heading', { name: /^Edit “Loan Collection \(version of / })).toBeVisible()
  await expect(toast(page, 'Restored as a new draft')).toBeVisible()
})

test('a version downloads byte for byte', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Old promo' }).click()
  await expect(editorBox(page)).toBeVisible()
  await page.getByRole('link', { name: 'History' }).click()
  const row = versionRows(page).first()
  await expect(row).toContainText('Read from 8x8')
  const download = page.waitForEvent('download')
  await row.getByRole('link', { name: /^Download the version of / }).click()
  const file = await download
  const saved = await page.request.get(sandbox.url(`/api/v1/accounts/5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19/channels/3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84/flows/1620387745519023/json`))
  expect(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString())).toBe(await saved.text())
})

test("a save 8x8 refused: its Error ID's lookup links to the JSON it sent, compared with the flow's current", async ({ page, sandbox, context }) => {
  test.slow()
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await expect(editorBox(page)).toBeVisible()
  // Meanwhile another operator publishes it: a published flow cannot be changed at 8x8.
  const other = await context.newPage()
  await other.goto(sandbox.url('/'))
  await other.getByRole('button', { name: 'Publish Spring sale survey' }).click()
  await other.getByRole('alertdialog', { name: 'Publish flow?' }).getByRole('button', { name: 'Publish flow' }).click()
  await expect(toast(other, 'Published “Spring sale survey”')).toBeVisible()
  await other.close()

  await editorBox(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('\n')
  await page.getByRole('button', { name: 'Save changes' }).click()
  const refused = toast(page, 'Couldn’t save “Spring sale survey”').or(toast(page, "Couldn't save “Spring sale survey”"))
  await expect(refused).toBeVisible()
  const errorId = (await refused.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/).first().textContent())!.trim()

  await page.goto(sandbox.url(`/lookup/${errorId}`))
  await page.getByRole('link', { name: "Compare the JSON it sent with the flow's current JSON" }).click()
  const difference = page.getByRole('region', { name: 'Difference' })
  await expect(difference).toContainText(/1 line added|0 lines added, 1 removed|1 removed/)
  await expect(difference).toContainText('Sent in a save that failed')
})

/**
 * The operator's whole round: three saves, four versions, the first and the last compared, the first
 * brought back, the restore in Recent activity with its difference; then the flow deleted and an older
 * version of it brought back as a new draft.
 */
async function historyRound(page: Page, appUrl: (path: string) => string, name: string) {
  await page.goto(appUrl('/'))
  await page.getByRole('link', { name: `Edit ${name}` }).click()
  for (const text of ['\n', '\n\n', '\n\n\n']) await appendAndSave(page, name, text)
  await page.getByRole('link', { name: 'History' }).click()
  await expect(versionRows(page)).toHaveCount(4)

  await versionRows(page).nth(0).getByRole('checkbox').check()
  await versionRows(page).nth(3).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Compare selected (2 of 2)' }).click()
  await expect(page.getByRole('region', { name: 'Difference' })).toContainText(/[1-9]\d* lines? added, \d+ removed/)

  await versionRows(page).nth(3).getByRole('button', { name: /^Restore this version: / }).click()
  await page.getByRole('alertdialog', { name: 'Restore this version?' }).getByRole('button', { name: 'Restore this version' }).click()
  await expect(versionRows(page).nth(0)).toContainText('Restored from an earlier version')

  await page.getByRole('link', { name: /^← Flows in / }).click()
  const activity = page.getByRole('region', { name: 'Recent activity' })
  const restoreRow = activity.getByRole('row').filter({ hasText: 'restored version' }).first()
  await expect(restoreRow).toContainText('Save')
  await restoreRow.getByRole('link', { name: 'History and difference' }).click()
  await expect(page.getByRole('heading', { name: `History of ${name}` })).toBeVisible()

  await page.getByRole('link', { name: /^← Flows in / }).click()
  await page.getByRole('button', { name: `Delete ${name}` }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete flow' }).click()
  await expect(toast(page, `Deleted “${name}”`)).toBeVisible()
  await page.getByRole('link', { name: /^Deleted flows/ }).click()
  await page.getByRole('link', { name: `History of ${name}` }).click()
  await expect(page.getByText('Copy kept before its delete')).toBeVisible()
  await versionRows(page).filter({ hasText: 'Saved here' }).last().getByRole('button', { name: /^Restore as a new draft: / }).click()
  await page.getByRole('alertdialog', { name: 'Restore this version as a new draft?' }).getByRole('button', { name: 'Restore as a new draft' }).click()
  await expect(page.getByRole('heading', { name: new RegExp(`^Edit “${name} \\(version of `) })).toBeVisible()
}

test('the whole round in the sandbox: three saves, compare, restore, Recent activity, delete, an older version as a new draft', async ({ page, sandbox }) => {
  test.slow()
  await historyRound(page, (path) => sandbox.url(path), 'Old promo')
})

test('the whole round in live mode against the fake 8x8', async ({ page, live }) => {
  test.slow()
  await historyRound(page, (path) => live.app.url(path), 'Live draft')
})
