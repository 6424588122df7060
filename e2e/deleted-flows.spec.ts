import { confirmDelete, expect, flowsTable, test, toast } from './fixtures'
import { liveSeed, templateBoundFlowId, uncopyableFlowId, type Fake8x8 } from './fake-8x8'

const [channel] = liveSeed.channels
const flowsPath = `/api/v1/accounts/${liveSeed.accountId}/channels/${channel.id}/flows`
const original = channel.flows.find((flow) => flow.name === 'Live draft')!

/** The one create-flow the fake received, as 8x8 would read it. */
function onlyCreate(fake: Fake8x8) {
  const creates = fake.requests.filter((request) => request.method === 'POST' && request.path === flowsPath)
  expect(creates).toHaveLength(1)
  return JSON.parse(creates[0].body ?? '') as Record<string, unknown>
}

const sameAsOriginal = {
  name: original.name,
  categories: original.categories,
  endPointUri: original.endPointUri,
  flowJson: original.flowJson,
}

test.describe('deletes that can be taken back (live, against a fake 8x8)', () => {
  test('delete a draft, find it in Deleted flows, restore it: one create-flow equal to the original, and the new draft is listed', async ({ page, live }) => {
    await page.goto(live.app.url('/'))
    const dialog = await confirmDelete(page, 'Live draft')
    await expect(dialog).toBeHidden()
    await expect(toast(page, 'Deleted “Live draft”')).toBeVisible()
    // The copy was read (details, then the JSON on the CDN) before the DELETE was sent.
    const order = live.fake.requests.map((r) => `${r.method} ${r.path}`).filter((line) => line.includes(original.id))
    expect(order).toEqual([`GET ${flowsPath}/${original.id}`, expect.stringMatching(new RegExp(`^GET /m1/.*/${original.id}$`)), `DELETE ${flowsPath}/${original.id}`])

    await page.getByRole('link', { name: 'Deleted flows (1)' }).click()
    const copies = page.getByRole('table', { name: /^Deleted flows of / })
    await expect(copies.getByRole('row')).toHaveCount(2)
    await expect(copies).toContainText(original.id)
    await copies.getByRole('button', { name: 'Restore Live draft' }).click()
    const restore = page.getByRole('alertdialog', { name: 'Restore flow?' })
    await expect(restore).toContainText('comes back in Live Retail as a new DRAFT with a new ID')
    await restore.getByRole('button', { name: 'Restore flow' }).click()
    await expect(toast(page, 'Restored “Live draft” as a new draft')).toBeVisible()

    expect(onlyCreate(live.fake)).toEqual(sameAsOriginal)
    await expect(copies.getByRole('button', { name: 'Restore Live draft' })).toBeDisabled()
    await page.getByRole('link', { name: 'Back to the flows' }).click()
    const restoredRow = flowsTable(page).getByRole('row').filter({ hasText: 'Live draft' })
    await expect(restoredRow).toContainText('DRAFT')
    await expect(restoredRow).not.toContainText(original.id)
  })

  test('Undo in the notice restores the deleted draft the same way', async ({ page, live }) => {
    await page.goto(live.app.url('/'))
    await confirmDelete(page, 'Live draft')
    const notice = toast(page, 'Deleted “Live draft”')
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Live draft' })).toHaveCount(0)
    await notice.getByRole('button', { name: 'Undo (restores as a new draft)' }).dblclick()
    await expect(toast(page, 'Restored “Live draft” as a new draft')).toBeVisible()
    expect(onlyCreate(live.fake)).toEqual(sameAsOriginal)
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Live draft' })).toBeVisible()
  })

  test('a copy that cannot be made blocks the delete: no DELETE reaches 8x8 until Delete without a backup is confirmed', async ({ page, live }) => {
    await page.goto(live.app.url('/'))
    await confirmDelete(page, 'Draft without a copy')
    const second = page.getByRole('alertdialog', { name: 'Delete without a backup?' })
    await expect(second).toContainText('BACKUP_FAILED')
    await expect(second).toContainText('the deletion at 8x8 is permanent and no copy is kept to restore')
    const deletesOf = () => live.fake.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith(uncopyableFlowId))
    expect(deletesOf()).toHaveLength(0)

    await second.getByRole('button', { name: 'Delete without a backup' }).click()
    await expect(toast(page, 'Deleted “Draft without a copy”')).toContainText('no copy was kept')
    expect(deletesOf()).toHaveLength(1)
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Draft without a copy' })).toHaveCount(0)
  })

  test('a draft that a template uses cannot be deleted, alone or in bulk', async ({ page, live }) => {
    await page.goto(live.app.url('/'))
    const guarded = flowsTable(page).getByRole('row').filter({ hasText: 'Draft in a template' })
    await expect(guarded).toContainText('Used by template live_welcome (en_US)')
    await expect(guarded.getByRole('button', { name: 'Delete Draft in a template' })).toBeDisabled()

    await page.getByRole('checkbox', { name: 'Select all drafts shown' }).check()
    const selection = page.getByRole('region', { name: 'Selection' })
    await expect(selection).toContainText('1 draft is used by templates and cannot be selected')
    await selection.getByRole('button', { name: 'Delete selected…' }).click()
    const bulk = page.getByRole('alertdialog')
    await expect(bulk.getByRole('list', { name: 'Flows to delete' })).not.toContainText('Draft in a template')
    await bulk.getByRole('button', { name: /^Delete \d flows$/ }).click()
    await expect(bulk.getByRole('heading', { name: 'Bulk delete finished' })).toBeVisible()
    expect(live.fake.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith(templateBoundFlowId))).toHaveLength(0)
  })
})
