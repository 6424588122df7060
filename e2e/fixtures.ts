import { test as base, expect, type Page } from '@playwright/test'
import { startAppServer, type AppServer } from './app-server'
import { liveSeed, startFake8x8, type Fake8x8 } from './fake-8x8'

type Fixtures = {
  /** Flows Admin in sandbox mode (the default), fresh for each test. */
  sandbox: AppServer
  /** A fake 8x8 on loopback, and Flows Admin in live mode pointed at it. */
  live: { app: AppServer; fake: Fake8x8 }
  /** Extra environment for the server under test (e.g. a short upstream timeout). */
  serverEnv: Record<string, string>
  /** Every test: the page's console says nothing of a failed hydration or a refused inline script. */
  pageHealth: void
}

/** What the console says when a server-rendered page did not match (main.tsx), or the CSP refused a script. */
const unhealthy = /Hydration failed|Minified React error #(418|423|425)|Content Security Policy/i

export const test = base.extend<Fixtures>({
  serverEnv: [{}, { option: true }],

  pageHealth: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' && unhealthy.test(message.text())) problems.push(message.text())
      })
      await use()
      expect(problems, 'hydration errors or CSP refusals in the console').toEqual([])
    },
    { auto: true },
  ],

  sandbox: async ({ serverEnv }, use) => {
    const app = await startAppServer(serverEnv)
    await use(app)
    await app.stop()
  },

  live: async ({ serverEnv }, use) => {
    const fake = await startFake8x8()
    const [channel] = liveSeed.channels
    const app = await startAppServer({
      EIGHTX8_API_KEY: liveSeed.apiKey,
      EIGHTX8_ACCOUNT_ID: liveSeed.accountId,
      EIGHTX8_CHANNELS: `${channel.id}=Live Retail`,
      EIGHTX8_BASE_URL: fake.baseUrl,
      ...serverEnv,
    })
    await use({ app, fake })
    await app.stop()
    await fake.stop()
  },
})

export { expect }

/** The channel's flows (Recent activity is a table too, with flow names as its row headers). */
export function flowsTable(page: Page) {
  return page.getByRole('table', { name: /^Flows in / })
}

export function notifications(page: Page) {
  return page.getByRole('region', { name: /notifications/i })
}

/** A toast is a list item in the Notifications region (Radix announces it through a live region). */
export function toast(page: Page, text: string) {
  return notifications(page).getByRole('listitem').filter({ hasText: text })
}

/** What the editor's last create or save did, said beside Save. */
export function lastSave(page: Page) {
  return page.getByRole('status', { name: 'Last save' })
}

export async function confirmDelete(page: Page, flowName: string) {
  await page.getByRole('button', { name: `Delete ${flowName}` }).click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Delete flow' }).click()
  return dialog
}
