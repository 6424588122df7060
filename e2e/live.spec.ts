import { confirmDelete, expect, flowsTable, notifications, test, toast } from './fixtures'
import { htmlFailureFlowId, liveSeed } from './fake-8x8'

const [channel] = liveSeed.channels
const flowsPath = `/api/v1/accounts/${liveSeed.accountId}/channels/${channel.id}/flows`
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

test.describe('live mode against a fake 8x8 on loopback', () => {
  test('lists the configured channel from 8x8, sending the key as a bearer token', async ({ page, live }) => {
    await page.goto(live.app.url('/'))

    await expect(page.getByText('Live', { exact: true })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Channel' })).toHaveValue(channel.id)
    await expect(page.getByRole('option', { name: 'Live Retail' })).toBeAttached()
    await expect(flowsTable(page).getByRole('row')).toHaveCount(6)
    expect(live.fake.requests).toContainEqual({
      method: 'GET',
      path: flowsPath,
      authorization: `Bearer ${liveSeed.apiKey}`,
    })
  })

  test('deletes through 8x8 and the reload shows 8x8 no longer has it', async ({ page, live }) => {
    await page.goto(live.app.url('/'))
    await confirmDelete(page, 'Live draft')

    await expect(notifications(page)).toContainText('Deleted “Live draft”')
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Live draft' })).toHaveCount(0)
    expect(live.fake.requests).toContainEqual({
      method: 'DELETE',
      path: `${flowsPath}/1444000000000001`,
      authorization: `Bearer ${liveSeed.apiKey}`,
    })
    await page.reload()
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Live published' })).toBeVisible()
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Live draft' })).toHaveCount(0)
  })

  test('an HTML error from 8x8 becomes a proxy error whose errorId is in the server log', async ({ page, live }) => {
    await page.goto(live.app.url('/'))
    await confirmDelete(page, 'Behind a broken gateway')

    const errorToast = toast(page, "Couldn't delete")
    await expect(errorToast).toContainText('UPSTREAM_BAD_RESPONSE')
    await expect(errorToast).toContainText('HTTP 500')
    const errorId = (await errorToast.getByText(uuid).first().textContent())!.trim()
    expect(live.app.output()).toContain(errorId)
    expect(live.fake.requests.some((r) => r.path.endsWith(htmlFailureFlowId))).toBe(true)
  })

  test('the API key reaches neither the page, its assets, the API answers nor the log', async ({ page, live }) => {
    const bodies: string[] = []
    page.on('response', async (response) => {
      bodies.push(`${JSON.stringify(await response.allHeaders())}\n${await response.text().catch(() => '')}`)
    })
    await page.goto(live.app.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(6)
    await confirmDelete(page, 'Behind a broken gateway')
    await expect(notifications(page)).toContainText('UPSTREAM_BAD_RESPONSE')

    expect(bodies.length).toBeGreaterThanOrEqual(5)
    for (const body of bodies) expect(body).not.toContain(liveSeed.apiKey)
    expect(await page.content()).not.toContain(liveSeed.apiKey)
    expect(live.app.output()).not.toContain(liveSeed.apiKey)
  })
})
