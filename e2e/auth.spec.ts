import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashPassword } from '../src/server/auth/password'
import { startAppServer, type AppServer } from './app-server'
import { confirmDelete, expect, test, toast } from './fixtures'

const operator = { username: 'dana', password: 'correct horse battery staple' }

let app: AppServer
test.beforeEach(async () => {
  const operatorsFile = join(mkdtempSync(join(tmpdir(), 'flows-admin-operators-')), 'operators')
  writeFileSync(operatorsFile, `# name:hash\n${operator.username}:${await hashPassword(operator.password)}\n`)
  app = await startAppServer({ AUTH_MODE: 'basic', OPERATORS_FILE: operatorsFile })
})
test.afterEach(() => app.stop())

test.describe('AUTH_MODE=basic', () => {
  test('without credentials nothing is served, not even the page', async ({ request }) => {
    for (const path of ['/', '/api/config', '/assets/']) {
      const response = await request.get(app.url(path))
      expect(response.status(), path).toBe(401)
      expect(response.headers()['www-authenticate'], path).toMatch(/^Basic realm=/)
    }
  })

  test('a wrong password is refused', async ({ browser }) => {
    const context = await browser.newContext({ httpCredentials: { ...operator, password: 'wrong' } })
    const response = await (await context.newPage()).goto(app.url('/'))
    expect(response?.status()).toBe(401)
    await context.close()
  })

  test('signs in, shows the operator, and records a delete under their name', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ httpCredentials: operator })
    const page = await context.newPage()
    await page.goto(app.url('/'))
    await expect(page.getByRole('banner')).toContainText('Signed in as dana')

    const activity = page.getByRole('region', { name: 'Recent activity' })
    await expect(activity).toContainText('Nothing deleted or deprecated in Acme Retail yet.')
    await confirmDelete(page, 'Old promo')
    await expect(toast(page, 'Deleted “Old promo”')).toBeVisible()

    const entry = activity.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Old promo/ }) })
    await expect(entry).toContainText('dana')
    await expect(entry).toContainText('Deleted')

    // The audit log (read back through the proxy) has the entry in its documented format.
    const audit = await page.request.get(app.url(`/api/v1${new URL(page.url()).pathname.replace(/\/flows$/, '/audit')}`))
    const { entries } = (await audit.json()) as { entries: Array<Record<string, unknown>> }
    expect(entries[0]).toMatchObject({ operator: 'dana', action: 'flow.delete', phase: 'outcome', flowName: 'Old promo', result: 'deleted', status: 200, backup: 'kept' })

    const path = testInfo.outputPath('signed-in-with-activity.png')
    await page.screenshot({ path, animations: 'disabled', fullPage: true })
    await testInfo.attach('signed-in-with-activity', { path, contentType: 'image/png' })
    await context.close()
  })
})
