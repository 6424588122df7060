import { confirmDelete, expect, flowsTable, notifications, test } from './fixtures'

// 8x8's budget, as the operator meets it: page loads take no more than the reads' share (here 6 of
// 8 calls a minute, every page load reading anew), a page past it shows the last list read with a
// notice saying so, and a delete still goes through on the share kept for changes.

test.describe("page loads past the reads' share of 8x8's budget", () => {
  test.use({ serverEnv: { EIGHTX8_RATE_LIMIT_PER_MINUTE: '8', EIGHTX8_LIST_REUSE_MS: '0' } })

  test('show the last list read with a notice, and a delete still goes through', async ({ page, live }) => {
    // Each load reads the templates and the list: three loads spend the reads' six calls.
    for (let load = 0; load < 3; load++) {
      await page.goto(live.app.url('/'))
      await expect(flowsTable(page).getByRole('rowheader', { name: 'Live draft' })).toBeVisible()
      await expect(page.getByRole('status', { name: /list as read/i })).toHaveCount(0)
    }
    await page.goto(live.app.url('/'))
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Live draft' })).toBeVisible()
    const notice = page.getByRole('status', { name: /list as read/i })
    await expect(notice).toBeVisible()
    await expect(notice.getByText('RATE_LIMITED')).toBeVisible()
    await expect(notice).toContainText('kept for changes')

    await confirmDelete(page, 'Live draft')
    await expect(notifications(page)).toContainText('Deleted “Live draft”')
    expect(live.fake.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1)
  })
})
