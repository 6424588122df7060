import type { Page } from '@playwright/test'
import { liveSeed, neverAnswersFlowId } from './fake-8x8'
import { confirmDelete, expect, test, toast } from './fixtures'

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

async function errorIdOf(page: Page, title: string) {
  const shown = toast(page, title)
  await expect(shown).toBeVisible()
  return (await shown.getByText(uuid).first().textContent())!.trim()
}

/** Support's one paste: the ID (as copied, with spaces around it) into the header's field. */
async function pasteLookup(page: Page, id: string) {
  const field = page.getByRole('searchbox', { name: 'Error ID or request ID' })
  await field.focus()
  await field.evaluate((input, text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, `  ${id} `)
  await expect(page).toHaveURL(new RegExp(`/lookup/${id}$`))
  return page.getByRole('region', { name: 'Lookup result' })
}

test.describe('support finds any Error ID in one paste', () => {
  test.use({ serverEnv: { EIGHTX8_TIMEOUT_MS: '800' } })

  test("sandbox: 8x8's Error ID of a refused delete, and the server's of a timeout", async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await confirmDelete(page, 'Loyalty sign-up v2')
    const refused = await errorIdOf(page, "Couldn't delete")
    let result = await pasteLookup(page, refused)
    await expect(result).toContainText('Delete flow')
    await expect(result).toContainText('Loyalty sign-up v2')
    await expect(result).toContainText('Reported by8x8')
    await expect(result).toContainText('Internal server error')
    await expect(result.getByRole('table', { name: 'Audit trail of this request' }).getByRole('row')).toHaveCount(3)

    await page.goBack()
    await confirmDelete(page, 'Store locator')
    const timedOut = await errorIdOf(page, 'Delete not confirmed: “Store locator”')
    result = await pasteLookup(page, timedOut)
    await expect(result).toContainText('UPSTREAM_TIMEOUT')
    await expect(result).toContainText('Reported byFlows Admin server')
    await expect(result).toContainText('did not answer within 800 ms')
    await expect(result).toContainText('unknown')
  })

  test("live mode against the fake 8x8: 8x8's refusal and the server's timeout, both found", async ({ page, live }) => {
    const flows = `/api/v1/accounts/${liveSeed.accountId}/channels/${liveSeed.channels[0].id}/flows`
    const change = { headers: { 'x-requested-with': 'XMLHttpRequest' } }
    await page.goto(live.app.url('/'))
    // Deletes the UI does not offer (a published flow) or that 8x8 never answers, sent as the browser would.
    const refusal = await (await page.request.delete(live.app.url(`${flows}/1444000000000002`), change)).json()
    // Without a copy (the fake knows no details for it): the DELETE itself is what never gets an answer.
    const timeout = await (await page.request.delete(live.app.url(`${flows}/${neverAnswersFlowId}`), { headers: { ...change.headers, 'x-backup': 'none' } })).json()
    expect(refusal.source).toBeUndefined()
    expect(timeout).toMatchObject({ code: 'UPSTREAM_TIMEOUT', source: 'proxy' })

    let result = await pasteLookup(page, refusal.errorId)
    await expect(result).toContainText('Reported by8x8')
    await expect(result).toContainText('Delete flow')
    await expect(result).toContainText('Live Retail')
    result = await pasteLookup(page, timeout.errorId)
    await expect(result).toContainText('UPSTREAM_TIMEOUT')
    await expect(result).toContainText('Reported byFlows Admin server')
    await expect(result).toContainText('did not answer within 800 ms')
  })

  test('live mode against the fake 8x8: a gateway failure the server reported', async ({ page, live }) => {
    await page.goto(live.app.url('/'))
    await confirmDelete(page, 'Behind a broken gateway')
    const errorId = await errorIdOf(page, "Couldn't delete")
    const result = await pasteLookup(page, errorId)
    await expect(result).toContainText('UPSTREAM_BAD_RESPONSE')
    await expect(result).toContainText('content-type text/html')
    await expect(result).toContainText('Live Retail')
  })
})

test('the audit trail exports as JSON Lines for a range of days', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await confirmDelete(page, 'Old promo')
  await expect(toast(page, 'Deleted “Old promo”')).toBeVisible()
  const today = new Date().toISOString().slice(0, 10)
  await page.getByLabel('From').fill(today)
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export all channels (JSON Lines)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`flows-admin-audit-all-channels-${today}-to-${today}.jsonl`)
  const lines = (await (await file.createReadStream()).toArray()).join('').trimEnd().split('\n').map((line) => JSON.parse(line))
  expect(lines.map((entry) => [entry.phase, entry.flowName, entry.result])).toEqual([
    ['attempt', 'Old promo', undefined],
    ['outcome', 'Old promo', 'deleted'],
  ])
})

test('"Not an Error ID or request ID" does not make the header taller, at 1280×720 and on a phone', async ({ page, sandbox }) => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport)
    await page.goto(sandbox.url('/'))
    const header = page.getByRole('banner')
    const before = (await header.boundingBox())!.height
    const field = page.getByRole('searchbox', { name: 'Error ID or request ID' })
    await field.fill('not an id!')
    await field.press('Enter')
    await expect(page.getByRole('alert').filter({ hasText: 'Not an Error ID or request ID' })).toBeVisible()
    expect((await header.boundingBox())!.height).toBe(before)
  }
})
