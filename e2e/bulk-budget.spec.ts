import { expect, flowsTable, test } from './fixtures'

/**
 * Two searches whose drafts make 60 of the 1000 sandbox flows (3 are found by both), with how many
 * flows each shows: the search matches each word in a flow's name or ID.
 */
const searches = [
  ['sign 002', 30],
  ['sign 003', 33],
] as const

test.describe("bulk runs within the server's budget for 8x8 (1000 sandbox flows, 100 calls a minute)", () => {
  test.use({ serverEnv: { SANDBOX_FLOWS: '1000', SANDBOX_LATENCY_MS: '0' } })

  test('60 drafts deleted and restored in bulk: it waits for the budget, nothing fails, nothing is restored twice', async ({ page, sandbox }) => {
    // Each delete costs two calls (the read for the copy, the DELETE) and each restore two (the list, the create):
    // 240 calls at 100 a minute is over two minutes of waiting for the budget, by design.
    test.setTimeout(8 * 60_000)
    await page.goto(sandbox.url('/'))
    await expect(page.getByText('1000 flows', { exact: true })).toBeVisible()
    const search = page.getByRole('searchbox', { name: 'Search by name or ID' })
    const names: string[] = []
    for (const [term, shown] of searches) {
      await search.fill(term)
      await expect(page.getByText(`${shown} of 1000 flows`, { exact: true })).toBeVisible()
      await page.getByRole('checkbox', { name: 'Select all drafts shown' }).check()
    }
    await page.getByRole('button', { name: 'Delete selected…' }).click()
    await expect(page.getByRole('alertdialog', { name: 'Delete 60 flows?' })).toBeVisible()
    // The one dialog, whatever its title says as the run goes on.
    const dialog = page.getByRole('alertdialog')
    await expect(dialog.getByRole('listitem')).toHaveCount(60)
    names.push(...(await dialog.getByRole('listitem').allTextContents()).map((text) => text.replace(/\s*\d{16}.*$/, '').trim()))
    expect(names).toHaveLength(60)
    await dialog.getByRole('button', { name: 'Delete 60 flows' }).click()

    await expect(dialog.getByText(/Waiting for 8x8's rate limit: about \d+ s/)).toBeVisible({ timeout: 120_000 })
    await expect(dialog.getByRole('heading', { name: 'Bulk delete finished' })).toBeVisible({ timeout: 240_000 })
    await expect(dialog).toContainText('60 deleted, 0 failed, 0 unknown, 0 not started.')

    await dialog.getByRole('button', { name: 'Restore all deleted' }).click()
    await expect(dialog).toContainText('60 of 60 restored as new drafts.', { timeout: 240_000 })
    await expect(dialog.getByRole('button', { name: /Retry failed restores/ })).toHaveCount(0)

    // Each name once in 8x8's list: the original gone, one new draft, never two.
    await dialog.getByRole('button', { name: 'Close' }).click()
    const listed = await page.evaluate(async (url) => (await (await fetch(url)).json()) as { flows: { name: string }[] }, sandbox.url(new URL(page.url()).pathname.replace(/^\//, '/api/v1/') + '?limit=1000'))
    const counts = names.map((name) => listed.flows.filter((flow) => flow.name === name).length)
    expect(counts).toEqual(names.map(() => 1))
    await expect(flowsTable(page)).toBeVisible()
  })
})
