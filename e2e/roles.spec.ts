import type { Browser, Page } from '@playwright/test'
import { sandboxSeed } from '../src/server/sandbox/seed'
import { startAppServer, type AppServer } from './app-server'
import { confirmDelete, expect, flowsTable, lastSave, test, toast } from './fixtures'

// Roles from the sign-in proxy's groups (AUTH_MODE=header; the proxy is this machine): what each person
// sees, and what the server refuses whatever the page shows.

const [retail, support] = sandboxSeed.channels
let app: AppServer
test.beforeEach(async () => {
  app = await startAppServer({
    AUTH_MODE: 'header',
    TRUSTED_PROXIES: '127.0.0.1',
    ROLE_MAP: `helpdesk=support,flows-editors=editor,retail-publishers=publisher@${retail.id}`,
    DEFAULT_ROLE: 'none',
  })
})
test.afterEach(async () => {
  await app.stop()
})

/** A page as the proxy would send it: signed in as `name`, in `groups`. */
async function signedIn(browser: Browser, name: string, groups: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-User': name, 'X-Forwarded-Groups': groups } })
  return context.newPage()
}

const publishUrl = (channelId: string, flowId: string) => app.url(`/api/v1/accounts/${sandboxSeed.accountId}/channels/${channelId}/flows/${flowId}/publish`)

test('support staff look up an Error ID, see every change disabled with its reason, and a forged change is refused and audited', async ({ browser }) => {
  test.slow()
  const page = await signedIn(browser, 'sam', 'helpdesk')
  await page.goto(app.url('/'))
  await expect(page.getByRole('banner')).toContainText('Signed in as sam · support')
  const row = flowsTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Old promo/ }) })
  await expect(row.getByRole('button', { name: 'Delete Old promo' })).toBeDisabled()
  await expect(row.getByRole('button', { name: 'Delete Old promo' })).toHaveAccessibleDescription('Deleting drafts needs the editor role; you are support staff')
  await expect(row.getByRole('button', { name: 'Publish Old promo' })).toBeDisabled()
  await expect(row.getByRole('button', { name: 'Publish Old promo' })).toHaveAttribute('title', 'Publishing needs the publisher role; you are support staff')
  await expect(page.getByRole('checkbox', { name: 'Select all drafts shown' })).toBeDisabled()

  // The page would not send it; a request made by hand is refused before 8x8, with an Error ID.
  const forged = await page.request.post(publishUrl(retail.id, '1620387745519023'), { headers: { 'x-requested-with': 'XMLHttpRequest' } })
  expect(forged.status()).toBe(403)
  const refusal = (await forged.json()) as { code: string; errorId: string; message: string }
  expect(refusal).toMatchObject({ code: 'FORBIDDEN_ROLE', message: 'Publishing needs the publisher role; you are support staff' })

  const lookup = page.getByRole('searchbox', { name: 'Error ID or request ID' })
  await lookup.fill(refusal.errorId)
  await lookup.press('Enter')
  await expect(page.getByText('FORBIDDEN_ROLE').first()).toBeVisible()
  await expect(page.getByRole('main')).toContainText('sam · support')
})

test('an editor saves and deletes a draft, but cannot publish', async ({ browser }) => {
  test.slow()
  const page = await signedIn(browser, 'eve', 'flows-editors')
  await page.goto(app.url('/'))
  await expect(page.getByRole('button', { name: 'Publish Old promo' })).toHaveAttribute('title', 'Publishing needs the publisher role; you are an editor')
  // Bulk runs are an admin's.
  await expect(page.getByRole('checkbox', { name: 'Select Old promo' })).toHaveAttribute('title', 'Running in bulk (delete, Restore all) needs the admin role; you are an editor')
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await page.getByRole('textbox', { name: 'Flow JSON' }).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('\n')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(lastSave(page)).toContainText('Saved “Spring sale survey”')
  await expect(page.getByRole('button', { name: 'Publish…' })).toHaveAttribute('aria-disabled', 'true')
  await expect(page.getByText('Publishing needs the publisher role; you are an editor')).toBeVisible()

  await page.getByRole('link', { name: /← Flows in/ }).click()
  await confirmDelete(page, 'Old promo')
  await expect(toast(page, 'Deleted “Old promo”')).toBeVisible()
  expect((await page.request.post(publishUrl(retail.id, '987412365401287'), { headers: { 'x-requested-with': 'XMLHttpRequest' } })).status()).toBe(403)
})

test('a publisher of one channel publishes there, and not in another', async ({ browser }) => {
  test.slow()
  const page = await signedIn(browser, 'pat', 'retail-publishers,flows-editors')
  await page.goto(app.url(`/accounts/${sandboxSeed.accountId}/channels/${retail.id}/flows`))
  await page.getByRole('button', { name: 'Publish Spring sale survey' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Publish flow?' })
  await dialog.getByRole('button', { name: 'Publish flow' }).click()
  await expect(toast(page, 'Published')).toBeVisible()

  await page.goto(app.url(`/accounts/${sandboxSeed.accountId}/channels/${support.id}/flows`))
  await expect(page.getByRole('button', { name: 'Publish Callback request' })).toHaveAttribute('title', 'Publishing needs the publisher role; you are an editor')
  expect((await page.request.post(publishUrl(support.id, '1023348871260095'), { headers: { 'x-requested-with': 'XMLHttpRequest' } })).status()).toBe(403)
})
