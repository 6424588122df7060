import { builtFilesPattern } from './built-files'
import { expect, flowsTable, test } from './fixtures'

const unreachable = 'The Flows Admin server could not be reached'

test.describe('the page survives its server going away', () => {
  test('typing an Error ID in the header with the server stopped says so in place, and the page stays', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
    await sandbox.stop()

    const lookup = page.getByRole('searchbox', { name: 'Error ID or request ID' })
    await lookup.fill('3f1c9a52-7e4b-4d1a-9c8f-2b6e0d4a7c13')
    await lookup.press('Enter')

    await expect(page.getByRole('alert').filter({ hasText: unreachable })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0)
    await expect(page.getByRole('banner')).toContainText('Flows Admin')
  })

  test("the dialogs' code failing to load in the first second: once asked for, the page reloads itself to get it, and the dialog opens", async ({ page, sandbox }) => {
    // The code's first request is held until the operator has asked for a dialog, then fails: the failure
    // reaches the page while the dialog is wanted (the order a slow, restarting server gives). The browser
    // never fetches failed code again in that page: the page reloads itself, as the server answers.
    let failFirst!: () => void
    const held = new Promise<void>((resolve) => (failFirst = resolve))
    let first = true
    await page.route(builtFilesPattern('flow-changes-chunk'), async (route) => {
      if (!first) return route.continue()
      await held
      first = false
      return route.abort('connectionrefused')
    })
    let loads = 0
    page.on('load', () => (loads += 1))
    await page.goto(sandbox.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
    await page.getByRole('button', { name: 'Delete Old promo' }).click()
    failFirst()

    await expect.poll(() => loads).toBe(2)
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
    await page.getByRole('button', { name: 'Delete Old promo' }).click()
    await expect(page.getByRole('alertdialog', { name: 'Delete flow?' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0)
  })

  test('after a redeploy renamed the code, the page reloads itself once instead of crashing', async ({ page, sandbox }) => {
    // The server answers, but the chunk it named is gone (404), as after a deploy of a new version.
    await page.route(builtFilesPattern('src/app/routes/lookup-route.tsx'), (route) => route.fulfill({ status: 404, body: 'Not found' }))
    let loads = 0
    page.on('load', () => (loads += 1))
    await page.goto(sandbox.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)

    const lookup = page.getByRole('searchbox', { name: 'Error ID or request ID' })
    await lookup.fill('3f1c9a52-7e4b-4d1a-9c8f-2b6e0d4a7c13')
    await lookup.press('Enter')
    await expect.poll(() => loads).toBe(2)
    // Still missing after the reload: no second reload, the message in place.
    await expect(page.getByRole('alert').filter({ hasText: unreachable })).toBeVisible()
    expect(loads).toBe(2)
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0)
  })

  test('a server that is stopping (503) is not taken for one that answers: the page waits instead of reloading into its error', async ({ page, sandbox }) => {
    test.slow()
    // The code and each check of it get the draining server's answer, as while a restart drains.
    let checks = 0
    await page.route(builtFilesPattern('src/app/routes/lookup-route.tsx'), (route) => {
      if (route.request().method() === 'HEAD') checks += 1
      return route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"SERVER_STOPPING"}' })
    })
    let loads = 0
    page.on('load', () => (loads += 1))
    await page.goto(sandbox.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)

    const lookup = page.getByRole('searchbox', { name: 'Error ID or request ID' })
    await lookup.fill('3f1c9a52-7e4b-4d1a-9c8f-2b6e0d4a7c13')
    await lookup.press('Enter')
    await expect(page.getByRole('alert').filter({ hasText: unreachable })).toBeVisible()
    // Two checks answered 503 (the first at once, the next 5 s later): neither reloaded the page.
    await expect.poll(() => checks, { timeout: 20_000 }).toBeGreaterThanOrEqual(2)
    expect(loads).toBe(1)
    await expect(page.getByRole('alert').filter({ hasText: unreachable })).toBeVisible()
  })

  test("the editor opened while the server is gone (its code not there yet): a way back to the list, and it opens by itself once the server answers", async ({ page, sandbox }) => {
    test.slow()
    await page.goto(sandbox.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
    await page.route('**/*', (route) => route.abort('connectionrefused'))
    await page.getByRole('link', { name: 'Edit Old promo' }).click()
    const unreached = page.getByRole('alert').filter({ hasText: unreachable })
    await expect(unreached).toBeVisible()
    // The way back: where the operator came from, the list (the app's own, no server needed).
    await unreached.getByRole('button', { name: 'Go back' }).click()
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Old promo' })).toBeVisible()
    await page.getByRole('link', { name: 'Edit Old promo' }).click()
    await expect(unreached).toBeVisible()
    await page.unroute('**/*')
    await expect(page.getByRole('heading', { name: 'Edit “Old promo”' })).toBeVisible({ timeout: 30_000 })
  })

  test('the editor whose flow cannot be read (the server gone): a way back to the list, and the flow opens by itself once the server answers', async ({ page, sandbox }) => {
    test.slow()
    await page.goto(sandbox.url('/'))
    // The editor's code is there already: only the flow's reading fails.
    await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
    await expect(page.getByRole('textbox', { name: 'Flow JSON' })).toBeVisible()
    await page.getByRole('link', { name: /Flows in Acme Retail/ }).click()
    await page.route('**/api/**', (route) => route.abort('connectionrefused'))
    await page.getByRole('link', { name: 'Edit Old promo' }).click()
    await expect(page.getByText("Couldn't open the flow in the editor")).toBeVisible()
    const back = page.getByRole('link', { name: /Flows in Acme Retail/ })
    await expect(back).toBeVisible()
    await page.unroute('**/api/**')
    await expect(page.getByRole('textbox', { name: 'Flow JSON' })).toBeVisible({ timeout: 30_000 })
  })
})
