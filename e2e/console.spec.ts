import { AxeBuilder } from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import type { Page, TestInfo } from '@playwright/test'
import { expect, flowsTable, test, toast } from './fixtures'

/** Serious and critical axe violations on the page as it is now (WCAG 2.x A and AA rules). */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, animations: 'disabled', fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

const row = (page: Page, name: string) => flowsTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })

/**
 * The states of the main view an operator passes through, each reached from a fresh page: one axe run
 * per test, so a slow machine spends its time budget on one state at a time.
 */
const mainViewStates: Record<string, (page: Page) => Promise<void>> = {
  'the list': async () => {},
  'the details of a draft with validation errors': async (page) => {
    await page.getByRole('button', { name: 'Customer feedback – draft 2', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Validation' })).toBeVisible()
  },
  'the delete dialog': async (page) => {
    await page.getByRole('button', { name: 'Delete Loyalty sign-up v2' }).click()
    await expect(page.getByRole('alertdialog')).toBeVisible()
  },
  'an error notification': async (page) => {
    await page.getByRole('button', { name: 'Delete Loyalty sign-up v2' }).click()
    await page.getByRole('button', { name: 'Delete flow' }).click()
    await expect(toast(page, 'Couldn’t delete').or(toast(page, "Couldn't delete"))).toBeVisible()
  },
  'the Recent errors panel': async (page) => {
    await page.getByRole('button', { name: 'Delete Loyalty sign-up v2' }).click()
    await page.getByRole('button', { name: 'Delete flow' }).click()
    await page.getByRole('button', { name: 'Recent errors (1)' }).click()
    await expect(page.getByRole('dialog', { name: 'Recent errors' })).toBeVisible()
  },
}

test.describe('accessibility (axe: no serious or critical violations)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [state, reach] of Object.entries(mainViewStates)) {
      test(`${state} at 1280×720, ${colorScheme}`, async ({ page, sandbox }, testInfo) => {
        await page.emulateMedia({ colorScheme })
        await page.setViewportSize({ width: 1280, height: 720 })
        await page.goto(sandbox.url('/'))
        await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
        await reach(page)
        expect(await seriousViolations(page)).toEqual([])
        await shot(page, testInfo, `${state.replaceAll(' ', '-')}-${colorScheme}`)
      })
    }
  }

  test('the bulk delete dialog', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await page.getByRole('checkbox', { name: 'Select Old promo' }).check()
    await page.getByRole('button', { name: 'Delete selected…' }).click()
    await expect(page.getByRole('alertdialog', { name: 'Delete 1 flow?' })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('the deprecate dialog', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await page.getByRole('button', { name: 'Deprecate Loan Collection' }).click()
    await expect(page.getByRole('alertdialog', { name: 'Deprecate flow?' })).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('a 390 px phone screen, nothing wider than the screen', async ({ page, sandbox }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(sandbox.url('/'))
    await expect(row(page, 'Old promo')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // Recent activity's entries are cards here, with no desktop header row above them.
    await page.getByRole('button', { name: 'Delete Loyalty sign-up v2' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete flow' }).click()
    const activity = page.getByRole('table', { name: /^Recent activity in / })
    await expect(activity.getByRole('row').nth(1)).toBeVisible()
    // Still there for screen readers, taking no room.
    await expect(activity.getByRole('columnheader', { name: 'Operator' })).toBeAttached()
    expect((await activity.locator('thead').boundingBox())!.height).toBeLessThanOrEqual(1)
    await shot(page, testInfo, 'phone')
  })
})

test.describe('the daily clean-up', () => {
  test('finds a flow from the keyboard, inspects it and closes the details', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await page.getByRole('searchbox', { name: 'Search by name or ID' }).focus()
    await page.keyboard.type('spring')
    await expect(flowsTable(page).getByRole('row')).toHaveCount(2)
    await expect(page.getByText('1 of 13 flows')).toBeVisible()
    await expect(page).toHaveURL(/\?q=spring$/)

    // Tab order: status filter, refresh, select-all, the column sort buttons, then the row.
    const nameButton = page.getByRole('button', { name: 'Spring sale survey', exact: true })
    for (let i = 0; i < 10 && !(await nameButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    await expect(nameButton).toBeFocused()
    await page.keyboard.press('Enter')
    const details = page.getByRole('dialog', { name: 'Spring sale survey' })
    await expect(details.getByRole('heading', { name: 'Spring sale survey' })).toBeFocused()
    await expect(details).toContainText('SURVEY')
    await expect(page).toHaveURL(/\?q=spring&flow=987412365401287$/)
    await page.keyboard.press('Escape')
    await expect(details).toBeHidden()

    // The back button undoes what was chosen: here it reopens the details, then closes them again.
    await page.goBack()
    await expect(details).toBeVisible()
    await page.goBack()
    await expect(details).toBeHidden()
    await expect(page.getByRole('searchbox', { name: 'Search by name or ID' })).toHaveValue('spring')
    await page.getByRole('combobox', { name: 'Status' }).selectOption('PUBLISHED')
    await expect(page.getByText('No flows match')).toBeVisible()
    await page.goBack()
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('ALL')
    await expect(flowsTable(page).getByRole('row')).toHaveCount(2)
  })

  test('the page widens for the details beside the list, narrows when they close, and leaves room under notifications', async ({ page, sandbox }) => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(sandbox.url('/'))
    const main = page.getByRole('main')
    const width = async () => (await main.boundingBox())!.width
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
    expect(await width()).toBeLessThanOrEqual(1100)

    await page.getByRole('button', { name: 'Old promo', exact: true }).click()
    const panel = page.getByRole('dialog', { name: /Old promo/ })
    await expect(panel).toBeVisible()
    await expect.poll(width).toBeGreaterThan(1400)
    await panel.getByRole('button', { name: 'Close details' }).click()
    await expect.poll(width).toBeLessThanOrEqual(1100)

    // The page can scroll its last row up above a notification.
    const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight)
    const before = await pageHeight()
    await page.getByRole('button', { name: 'Delete Loyalty sign-up v2' }).click()
    await page.getByRole('button', { name: 'Delete flow' }).click()
    await expect(toast(page, 'Couldn’t delete').or(toast(page, "Couldn't delete"))).toBeVisible()
    await expect.poll(pageHeight).toBeGreaterThan(before + 200)
  })

  test('downloads a flow’s JSON through the server before deleting it', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await page.getByRole('button', { name: 'Delete Old promo' }).click()
    const dialog = page.getByRole('alertdialog')
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Download flow JSON' }).click()])

    expect(download.suggestedFilename()).toBe('Old-promo-1620387745519023.json')
    expect(new URL(download.url()).origin).toBe(new URL(sandbox.url()).origin)
    const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as { version: string; screens: unknown[] }
    expect(json.version).toBe('6.0')
    await expect(dialog).toBeVisible()
  })

  test('deletes several drafts at once and reports each, with copyable error IDs', async ({ page, sandbox, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(sandbox.url('/'))
    await page.getByRole('combobox', { name: 'Status' }).selectOption('DRAFT')
    for (const name of ['Old promo', 'Spring sale survey', 'Loyalty sign-up v2']) {
      await page.getByRole('checkbox', { name: `Select ${name}` }).check()
    }
    await page.getByRole('button', { name: 'Delete selected…' }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toHaveAccessibleName('Delete 3 flows?')
    await dialog.getByRole('button', { name: 'Delete 3 flows' }).click()

    await expect(dialog.getByRole('heading', { name: 'Bulk delete finished' })).toBeVisible()
    await expect(dialog).toContainText('2 deleted, 1 failed, 0 unknown, 0 not started.')
    // As large as its neighbours.
    const heights = await Promise.all(['Copy all error IDs', 'Close'].map(async (name) => (await dialog.getByRole('button', { name }).boundingBox())!.height))
    expect(heights[0]).toBeCloseTo(heights[1], 0)
    await dialog.getByRole('button', { name: 'Copy all error IDs' }).click()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toMatch(/^Loyalty sign-up v2 \(1466270913358802\)\t2000\t[0-9a-f-]{36}\t/)
    await dialog.getByRole('button', { name: 'Close' }).click()

    await expect(row(page, 'Old promo')).toHaveCount(0)
    await expect(row(page, 'Loyalty sign-up v2')).toBeVisible()
    await page.reload()
    await expect(row(page, 'Spring sale survey')).toHaveCount(0)
    await page.getByRole('button', { name: 'Recent errors (1)' }).click()
    await expect(page.getByRole('dialog', { name: 'Recent errors' })).toContainText('Delete (bulk) · Loyalty sign-up v2')
  })

  test('deprecates a published flow after saying it is irreversible', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await page.getByRole('button', { name: 'Deprecate Loan Collection' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Deprecate flow?' })
    await expect(dialog).toContainText('cannot be undone')
    await dialog.getByRole('button', { name: 'Deprecate flow' }).click()
    await expect(toast(page, 'Deprecated “Loan Collection”')).toBeVisible()
    await page.reload()
    await expect(row(page, 'Loan Collection')).toContainText('DEPRECATED')
    await expect(page.getByRole('region', { name: 'Recent activity' })).toContainText('Deprecate')
  })
})

test.describe("a channel with 8x8's maximum of 1000 flows", () => {
  test.use({ serverEnv: { SANDBOX_FLOWS: '1000', SANDBOX_LATENCY_MS: '0' } })

  test('renders only the rows in view, tells assistive technology the full count, and reaches every row', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    const table = flowsTable(page)
    await expect(table).toHaveAttribute('aria-rowcount', '1001')
    await expect(page.getByText('1000 flows', { exact: true })).toBeVisible()
    await expect(page.getByText("8x8 returned its maximum of 1000 flows. More may exist")).toBeVisible()
    await expect.poll(() => table.getByRole('row').count()).toBeLessThan(80)
    await expect(table.getByRole('row').nth(1)).toHaveAttribute('aria-rowindex', '2')

    // Scrolling to the end brings the last rows in; the first ones leave the page.
    await page.keyboard.press('End')
    await expect(row(page, 'VIP early access')).toBeVisible()
    await expect(row(page, '2025-10-08T15:17:51.241+08:00')).toHaveCount(0)
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('searchbox', { name: 'Search by name or ID' }).fill('campaign 0987')
    await expect(table.getByRole('row')).toHaveCount(2)
    await expect(page.getByText('1 of 1000 flows')).toBeVisible()
  })
})
