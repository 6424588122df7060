import type { Browser, Page } from '@playwright/test'
import { expect, flowsTable, test } from './fixtures'
import { serverFirstScreen } from '../src/features/flows/use-first-screen'
import { liveSeed } from './fake-8x8'

// A flows page is rendered by the server (src/server/page): its rows are in the HTML, the list it
// rendered them from is in the page, and the app takes the page over without asking again. Every
// test here also fails on a hydration mismatch or a refused inline script (the pageHealth fixture).

const account = '5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19'
const flowsOf = (channelId: string) => `/accounts/${account}/channels/${channelId}/flows`
const retail = flowsOf('3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84')
const staging = flowsOf('c4a9e2f1-6b3d-4e7a-8c5f-1d0b9e3a6f72')
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

/**
 * The page as the server sent it: the app's code is never delivered, so whatever shows came in the HTML
 * (React's small inline scripts, which move the streamed rows into place, still run).
 */
async function withoutAppCode(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort())
  await page.goto(url)
  return page
}

/** The app's own API calls, as path and query. */
function apiCalls(page: Page): string[] {
  const asked: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`)
  })
  return asked
}

/** A button rendered by the server answers once the app has taken the page over: click until it does. */
async function clickOnceHydrated(page: Page, name: string, opens: () => Promise<void>) {
  await expect(async () => {
    await page.getByRole('button', { name }).click()
    await opens()
  }).toPass()
}

test.describe('the first screen comes from the server', () => {
  test('the HTML already holds the page: header, toolbar and rows, filtered and sorted as the address says', async ({ browser, sandbox }) => {
    const page = await withoutAppCode(browser, sandbox.url(`${retail}?q=survey&sort=-name`))
    await expect(page.getByText('Sandbox', { exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'WhatsApp Flows' })).toBeVisible()
    await expect(page.getByRole('searchbox', { name: 'Search by name or ID' })).toHaveValue('survey')
    const names = await flowsTable(page).getByRole('rowheader').allTextContents()
    expect(names.length).toBeGreaterThan(1)
    expect(names.every((name) => /survey/i.test(name))).toBe(true)
    expect(names).toEqual(names.toSorted((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base', numeric: true })))
    await page.context().close()
  })

  test('/ goes to the first channel; the app takes the page over without asking for the list or the configuration, and its buttons work', async ({ page, sandbox }) => {
    const asked = apiCalls(page)
    await page.goto(sandbox.url('/'))
    await expect(page).toHaveURL(sandbox.url(retail))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
    const dialog = page.getByRole('alertdialog')
    await clickOnceHydrated(page, 'Delete Loyalty sign-up v2', () => expect(dialog).toBeVisible({ timeout: 1000 }))
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    // Typing filters at once: the table is React's now.
    await page.getByRole('searchbox', { name: 'Search by name or ID' }).fill('loyalty')
    await expect(flowsTable(page).getByRole('row')).toHaveCount(2)
    await page.waitForLoadState('networkidle')
    expect(asked.filter((path) => path.includes('/flows?limit='))).toEqual([])
    expect(asked.filter((path) => path === '/api/config')).toEqual([])
  })

  test('on a busy page (CPU ×6), a Delete clicked while the app takes the page over opens one dialog, for that flow', async ({ page, sandbox }) => {
    test.slow()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
    await page.goto(sandbox.url(retail))
    const dialog = page.getByRole('alertdialog')
    // Clicked as soon as the row shows, and again until the app answers (a click before its code has
    // run does nothing; one while it hydrates is replayed once it has).
    await clickOnceHydrated(page, 'Delete Old promo', () => expect(dialog).toBeVisible({ timeout: 2000 }))
    await expect(dialog).toHaveCount(1)
    await expect(dialog).toContainText('Old promo')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await page.waitForLoadState('networkidle')
    await expect(dialog).toBeHidden()
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  })

  test('an empty channel, and a channel this deployment does not serve, come rendered too', async ({ browser, sandbox }) => {
    const empty = await withoutAppCode(browser, sandbox.url(staging))
    await expect(empty.getByRole('heading', { name: 'No flows in Acme Staging' })).toBeVisible()
    await empty.context().close()
    const unknown = await withoutAppCode(browser, sandbox.url(flowsOf('9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a')))
    await expect(unknown.getByRole('heading', { name: 'This channel is not configured' })).toBeVisible()
    await expect(unknown.getByRole('link', { name: 'Acme Support' })).toBeVisible()
    await unknown.context().close()
  })
})

test.describe('the first screen comes from the server: a slow 8x8', () => {
  test.use({ serverEnv: { SANDBOX_LATENCY_MS: '2500' } })

  test('a slow 8x8 does not hold the page: it arrives loading, and the browser finishes', async ({ sandbox, page }) => {
    test.slow()
    const asked = apiCalls(page)
    const served = page.waitForResponse((response) => response.request().resourceType() === 'document')
    await page.goto(sandbox.url(retail))
    const html = await (await served).text()
    expect(html).toContain('Loading flows…')
    expect(html).not.toContain('Loyalty sign-up v2')
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
    expect(asked.filter((path) => path.includes('/flows?limit='))).toHaveLength(1)
  })
})

test.describe('the first screen comes from the server: a long list', () => {
  test.use({ serverEnv: { SANDBOX_FLOWS: '1000' } })

  test('1000 flows: the first screen comes in the HTML, and the browser windows the rest', async ({ browser, sandbox, page }) => {
    const first = await withoutAppCode(browser, sandbox.url(retail))
    await expect(flowsTable(first).getByRole('row')).toHaveCount(serverFirstScreen + 1)
    await first.context().close()

    await page.goto(sandbox.url(retail))
    await expect(flowsTable(page)).toHaveAttribute('aria-rowcount', '1001')
    await page.getByRole('searchbox', { name: 'Search by name or ID' }).fill('Campaign 0500 – other')
    await expect(page.getByText('1 of 1000 flows')).toBeVisible()
    await expect(flowsTable(page).getByRole('button', { name: 'Campaign 0500 – other', exact: true })).toBeVisible()
  })
})

test.describe('the first screen comes from the server: a failing 8x8', () => {
  const missing = '1e2d3c4b-5a69-4788-97a6-b5c4d3e2f1a0'
  test.use({ serverEnv: { EIGHTX8_CHANNELS: `${liveSeed.channels[0].id}=Live Retail,${missing}=Gone channel` } })

  test("a failed list comes rendered with 8x8's code and an Error ID the server logged, and the app takes it over as it is", async ({ browser, live, page }) => {
    const path = `/accounts/${liveSeed.accountId}/channels/${missing}/flows`
    const served = await withoutAppCode(browser, live.app.url(path))
    const alert = served.getByRole('alert')
    await expect(alert).toContainText("Couldn't load the flows")
    await expect(alert).toContainText('1300')
    const errorId = uuid.exec((await alert.textContent()) ?? '')?.[0]
    expect(errorId).toBeDefined()
    expect(live.app.output()).toContain(errorId)
    await served.context().close()

    await page.goto(live.app.url(path))
    await expect(page.getByRole('alert')).toContainText("Couldn't load the flows")
    // Try again asks 8x8 once more (a new failure, a new Error ID).
    const retried = page.waitForRequest((request) => request.url().includes(`/channels/${missing}/flows?limit=`))
    await clickOnceHydrated(page, 'Try again', async () => void (await retried))
    await expect(page.getByRole('alert')).toContainText('1300')
  })
})
