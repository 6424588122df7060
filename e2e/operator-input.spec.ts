import { request as httpRequest } from 'node:http'
import type { Locator, Page, TestInfo } from '@playwright/test'
import { confirmDelete, expect, flowsTable, notifications, test, toast } from './fixtures'

const desktop = { width: 1280, height: 720 }
const phone = { width: 390, height: 844 }

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, animations: 'disabled' })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** 8x8 fails this draft's delete (500), so the row stays and each try adds an error toast. */
async function failDeletes(page: Page, times: number) {
  for (let i = 0; i < times; i++) {
    await page.getByRole('button', { name: 'Delete Loyalty sign-up v2' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.getByRole('button', { name: 'Delete flow' }).click()
    await expect(dialog).toBeHidden()
    // Folded toasts are not displayed, so they are counted by their element.
    await expect(page.locator('.toast--error')).toHaveCount(i + 1)
  }
}

/** Every control a pointer could reach outside the notifications: each must take a click. */
async function expectEveryControlClickable(page: Page) {
  const controls = page.locator(
    'header :is(button, a, input, select):visible, main :is(button, a, input, select):not([disabled]):visible',
  )
  const count = await controls.count()
  expect(count).toBeGreaterThan(20)
  const blocked: string[] = []
  for (let i = 0; i < count; i++) {
    const control: Locator = controls.nth(i)
    await control.click({ trial: true, timeout: 3000 }).catch(async () => {
      blocked.push((await control.getAttribute('aria-label')) ?? (await control.innerText()))
    })
  }
  expect(blocked).toEqual([])
}

/** The page at a twentieth of this machine's speed: honestly slow, so these tests get a triple budget. */
async function busyPage(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 })
}

test.describe('one confirmation, one request', () => {
  test.use({ serverEnv: { EIGHTX8_TIMEOUT_MS: '3000' } })

  test('a double-click on Delete flow sends one DELETE to 8x8', async ({ page, live }) => {
    await page.goto(live.app.url('/'))
    await page.getByRole('button', { name: 'Delete Live draft' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete flow' }).dblclick()
    await expect(toast(page, 'Deleted “Live draft”')).toBeVisible()
    const deletes = live.fake.requests.filter((r) => r.method === 'DELETE')
    expect(deletes.map((r) => r.path)).toEqual([expect.stringMatching(/\/flows\/1444000000000001$/)])
  })

  test('two clicks 100 ms apart on a busy page (CPU ×20) send one DELETE', async ({ page, live }) => {
    test.slow()
    await page.goto(live.app.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(6)
    await busyPage(page)
    await page.getByRole('button', { name: 'Delete Live draft' }).click()
    const confirm = page.getByRole('alertdialog').getByRole('button', { name: 'Delete flow' })
    const box = (await confirm.boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForTimeout(100)
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    // What lasts, not the notice: on a page this slow the notice may come and go between two looks.
    await expect(flowsTable(page).getByRole('rowheader', { name: 'Live draft' })).toHaveCount(0, { timeout: 40_000 })
    expect(live.fake.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1)
  })

  test('a double-click on Deprecate flow on a busy page (CPU ×20) sends one POST', async ({ page, live }) => {
    test.slow()
    await page.goto(live.app.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(6)
    await busyPage(page)
    await page.getByRole('button', { name: 'Deprecate Live published' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deprecate flow' }).dblclick()
    const row = flowsTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Live published' }) })
    await expect(row).toContainText('DEPRECATED', { ignoreCase: true, timeout: 40_000 })
    expect(live.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/deprecate'))).toHaveLength(1)
  })
})

test.describe('notifications never take the page', () => {
  test.use({ serverEnv: { SANDBOX_LATENCY_MS: '0' } })

  for (const [label, viewport, errors] of [
    ['1280×720 with five errors', desktop, 5],
    ['a 390×844 phone with two errors', phone, 2],
  ] as const) {
    test(`every control stays clickable: ${label}`, async ({ page, sandbox }, testInfo) => {
      await page.setViewportSize(viewport)
      await page.goto(sandbox.url('/'))
      await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
      await failDeletes(page, errors)

      await expect(notifications(page).getByRole('button', { name: `Show ${errors - 1} more` })).toBeVisible()
      await expectEveryControlClickable(page)
      await shot(page, testInfo, `toasts-${viewport.width}x${viewport.height}`)

      // Unfolded, they are all there, in a stack no taller than most of the screen.
      await notifications(page).getByRole('button', { name: `Show ${errors - 1} more` }).click()
      await expect(toast(page, "Couldn't delete")).toHaveCount(errors)
      const stack = (await page.locator('.toast-viewport').boundingBox())!
      expect(stack.height).toBeLessThanOrEqual(viewport.height * 0.6 + 1)
    })
  }

  test('F8 shows where the focus is; leaving the toasts or dismissing the last returns it', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await failDeletes(page, 1)
    const search = page.getByRole('searchbox', { name: 'Search by name or ID' })
    await search.focus()

    await page.keyboard.press('F8')
    const viewport = page.locator('.toast-viewport')
    await expect(viewport).toBeFocused()
    expect(await viewport.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid')
    // The ring is drawn inside the page's visible width (not under its scrollbar).
    expect(await viewport.evaluate((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth)).toBe(true)

    // Tab through the toast (itself, Copy error ID, Details, Dismiss) and past its end: back where
    // the operator was, not on the page's body.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab')
    await expect(search).toBeFocused()

    await page.keyboard.press('F8')
    await page.keyboard.press('Tab')
    await notifications(page).getByRole('button', { name: 'Dismiss notification' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('.toast--error')).toHaveCount(0)
    await expect(search).toBeFocused()
  })
})

test.describe('notices that never hide what they are about', () => {
  test.use({ serverEnv: { SANDBOX_LATENCY_MS: '0' } })

  test("a delete's Undo stays in view when an error arrives after it", async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    await confirmDelete(page, 'Old promo')
    await expect(toast(page, 'Deleted “Old promo”')).toBeVisible()
    await confirmDelete(page, 'Loyalty sign-up v2')
    await expect(toast(page, "Couldn't delete “Loyalty sign-up v2”")).toBeVisible()
    await expect(toast(page, 'Deleted “Old promo”').getByRole('button', { name: /^Undo/ })).toBeVisible()
  })

  for (const viewport of [desktop, phone]) {
    test(`a save's result is said beside Save, covering nothing of the editor: ${viewport.width}×${viewport.height}`, async ({ page, sandbox }) => {
      await page.setViewportSize(viewport)
      await page.goto(sandbox.url('/'))
      await page.getByRole('link', { name: 'Edit Customer feedback – draft 2' }).click()
      const text = page.getByRole('textbox', { name: 'Flow JSON' })
      await expect(text).toContainText('TextBodyy')
      await text.click()
      await page.keyboard.press('Control+End')
      await page.keyboard.insertText('\n')
      await page.getByRole('button', { name: 'Save changes' }).click()
      const result = page.getByRole('status', { name: 'Last save' })
      await expect(result).toContainText('Saved')
      await expect(result).toContainText('2 errors')
      // No notice floats over the editor, its errors or its buttons (it would have come with the result).
      await expect(notifications(page).getByRole('listitem')).toHaveCount(0)
    })
  }
})

test.describe('focus, panels and bars', () => {
  test('Refresh and Get preview link keep the focus; Escape still closes the details', async ({ page, sandbox }) => {
    await page.goto(sandbox.url('/'))
    const refresh = page.getByRole('button', { name: 'Refresh' })
    await refresh.click()
    await expect(page.getByRole('button', { name: /^Refresh/ })).toBeFocused()

    await page.getByRole('button', { name: 'Loan Collection', exact: true }).click()
    const panel = page.getByRole('dialog', { name: 'Loan Collection' })
    await panel.getByRole('button', { name: 'Get preview link' }).click()
    await expect(panel.getByRole('link', { name: 'Open the preview on Meta' })).toBeVisible()
    await expect(panel.getByRole('button', { name: 'New preview link' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
  })

  test('the bulk bar stays in view while rows are selected', async ({ page, sandbox }) => {
    await page.setViewportSize(phone)
    await page.goto(sandbox.url('/'))
    await page.getByRole('checkbox', { name: 'Select Old promo' }).check()
    await page.mouse.wheel(0, 5000)
    await page.waitForFunction(() => window.scrollY > 500)
    const bar = page.getByRole('region', { name: 'Selection' })
    await expect(bar).toBeInViewport()
    await bar.getByRole('button', { name: 'Delete selected…' }).click({ trial: true })
  })

  for (const [label, viewport] of [
    ['1280×720', desktop],
    ['a 390×844 phone', phone],
  ] as const) {
    test(`Recent errors opens under its button, above the notifications: ${label}`, async ({ page, sandbox }) => {
      await page.setViewportSize(viewport)
      await page.goto(sandbox.url('/'))
      await failDeletes(page, 2)
      const button = page.getByRole('button', { name: /^Recent errors/ })
      await button.click()
      const panel = page.getByRole('dialog', { name: 'Recent errors' })
      const box = (await panel.boundingBox())!
      const buttonBox = (await button.boundingBox())!
      expect(box.x + box.width).toBeGreaterThanOrEqual(buttonBox.x + buttonBox.width - 1)
      expect(box.x).toBeLessThan(buttonBox.x + buttonBox.width)
      if (viewport === desktop) expect(box.x).toBeGreaterThan(viewport.width / 2)
      // It never covers its own button (on a phone the header wraps: the panel is a sheet from the bottom).
      expect(box.y).toBeGreaterThanOrEqual(buttonBox.y + buttonBox.height)
      await panel.getByRole('button', { name: 'Close recent errors' }).click({ trial: true })
      await panel.getByRole('button', { name: 'Clear list' }).click({ trial: true })
    })
  }

  test('on a phone the details are a sheet over the list; Close returns to the row, where the list was', async ({ page, sandbox }, testInfo) => {
    await page.setViewportSize(phone)
    await page.goto(sandbox.url('/'))
    const name = page.getByRole('button', { name: 'Spring sale survey', exact: true })
    await name.scrollIntoViewIfNeeded()
    const before = await page.evaluate(() => window.scrollY)
    expect(before).toBeGreaterThan(300)
    await name.click()
    const panel = page.getByRole('dialog', { name: 'Spring sale survey' })
    await expect(panel).toBeInViewport()
    await expect(panel.getByText('Categories')).toBeVisible()
    await shot(page, testInfo, 'details-sheet-390x844')
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(5)

    await panel.getByRole('button', { name: 'Close details' }).click()
    await expect(name).toBeFocused()
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(5)
  })

  test('no "Only drafts" text squeezing the rows: rows of one height at 900 px', async ({ page, sandbox }) => {
    await page.setViewportSize({ width: 900, height: 800 })
    await page.goto(sandbox.url('/'))
    await expect(flowsTable(page).getByRole('row')).toHaveCount(14)
    // A draft that a template uses says so under its name, on purpose: its row is left out.
    const heights = await flowsTable(page)
      .locator('tbody tr')
      .evaluateAll((rows) => rows.filter((r) => !r.textContent?.includes('Used by template')).map((r) => r.getBoundingClientRect().height))
    expect(heights).toHaveLength(12)
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1)
    await expect(page.getByRole('button', { name: 'Delete Loan Collection' })).toHaveAccessibleDescription('Only drafts can be deleted')
    // On a phone the header wraps: no divider left at the start of its second line.
    await page.setViewportSize(phone)
    const signIn = page.getByText('No sign-in (this computer only)')
    expect(await signIn.evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe('none')
    await page.setViewportSize({ width: 900, height: 800 })
    const search = (await page.getByRole('searchbox', { name: 'Search by name or ID' }).boundingBox())!
    const status = (await page.getByRole('combobox', { name: 'Status' }).boundingBox())!
    expect(Math.abs(search.y + search.height - (status.y + status.height))).toBeLessThan(1)
  })
})

test.describe("the browser's back door", () => {
  test('a rebound host name gets 421 from the real server, for the page and the API', async ({ sandbox }) => {
    const url = new URL(sandbox.url('/'))
    const ask = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: url.port, path, headers: { host } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
    expect(await ask('/', `attacker.example:${url.port}`)).toBe(421)
    expect(await ask('/api/config', `attacker.example:${url.port}`)).toBe(421)
    expect(await ask('/api/config', `127.0.0.1:${url.port}`)).toBe(200)
    expect(await ask('/api/config', `localhost:${url.port}`)).toBe(200)
  })
})

test.describe('notifications under an open dialog', () => {
  test.use({ serverEnv: { SANDBOX_LATENCY_MS: '0' } })

  test("wait under its backdrop on a phone, and an Undo's countdown pauses until the dialog closes", async ({ page, sandbox }) => {
    await page.clock.install()
    await page.setViewportSize(phone)
    await page.goto(sandbox.url('/'))
    await page.getByRole('button', { name: 'Delete Old promo' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete flow' }).click()
    await expect(toast(page, 'Deleted “Old promo”')).toBeVisible()
    const box = (await toast(page, 'Deleted “Old promo”').boundingBox())!
    // While a modal is open the page behind it, notices too, is hidden from assistive technology: found by its class.
    const notice = page.locator('.toast', { hasText: 'Deleted “Old promo”' })

    await page.getByRole('button', { name: 'Delete Spring sale survey' }).click()
    await expect(page.getByRole('alertdialog')).toBeVisible()
    // What is on top where the notice is: the dialog's backdrop, not the notice.
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className ?? '', [box.x + box.width / 2, box.y + box.height / 2])
    expect(onTop).toBe('dialog-overlay')
    await page.clock.fastForward(60_000)
    await expect(notice).toBeVisible()

    await page.keyboard.press('Escape')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await expect(toast(page, 'Deleted “Old promo”')).toBeVisible()
    await page.clock.fastForward(60_000)
    await expect(notice).toHaveCount(0)
  })
})
