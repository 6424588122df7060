import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expect, lastSave, test } from './fixtures'

const every: unknown = JSON.parse(readFileSync(new URL('../src/features/preview/fixtures/every-component.json', import.meta.url), 'utf8'))

// The phone beside the JSON: it follows the text, runs the flow, points at the JSON and back, shows
// Meta's errors on their component; versions and comparisons have phones too, and Meta's own page is framed.

const editorBox = (page: Page) => page.getByRole('textbox', { name: 'Flow JSON' })
const phone = (page: Page) => page.getByRole('region', { name: 'Phone preview' })
const selectedText = (page: Page) => () => page.evaluate(() => getSelection()?.toString())

/** A new flow's editor with `json` in it (as an operator's upload). */
async function newFlowWith(page: Page, url: string, json: string) {
  await page.goto(url)
  await page.getByRole('link', { name: 'New flow' }).click()
  await page.getByLabel('Upload JSON file').setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(json) })
  await expect(editorBox(page)).toContainText('"version"')
}

test('the phone follows the text as it is typed, and keeps its last drawing while the JSON does not parse', async ({ page, sandbox }) => {
  const json = '{"version": "7.3", "screens": [{"id": "A", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": [{"type": "TextBody", "text": "Body"}]}, "title": "Hello"}]}'
  await newFlowWith(page, sandbox.url('/'), json)
  await expect(phone(page).getByRole('heading', { level: 3, name: 'Hello' })).toBeVisible()
  await editorBox(page).click()
  await page.keyboard.press('Control+End')
  for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.type(' there')
  await expect(phone(page).getByRole('heading', { level: 3, name: 'Hello there' })).toBeVisible()
  // Unsaved text is what the phone shows; JSON that does not parse keeps the last drawing, said stale.
  await page.keyboard.press('Control+End')
  await page.keyboard.type(',')
  await expect(page.getByRole('status').filter({ hasText: 'Not up to date' })).toContainText('The phone shows the last JSON that parsed')
  await expect(phone(page).getByRole('heading', { level: 3, name: 'Hello there' })).toBeVisible()
  await page.keyboard.press('Backspace')
  await expect(page.getByRole('status').filter({ hasText: 'Not up to date' })).toHaveCount(0)
})

for (const { name, size, scheme } of [
  { name: '', size: { width: 1280, height: 800 }, scheme: 'light' as const },
  { name: ' (a phone, dark)', size: { width: 390, height: 844 }, scheme: 'dark' as const },
]) {
  test(`walks a three-screen flow to the response the business receives${name}`, async ({ page, sandbox }) => {
    await page.setViewportSize(size)
    await page.emulateMedia({ colorScheme: scheme })
    await newFlowWith(page, sandbox.url('/'), JSON.stringify(every, null, 2))
    // Narrow: the phone is the Preview tab.
    if (size.width < 1100) await page.getByRole('tab', { name: 'Preview' }).click()
    const device = phone(page)
    await expect(device.getByRole('heading', { level: 3, name: 'Book a table' })).toBeVisible()
    await device.getByRole('button', { name: 'Next', exact: true }).click()
    await expect(device.getByLabel('Your name')).toHaveAccessibleDescription('Required')
    await device.getByLabel('Your name').fill('Rui')
    await device.getByRole('radio', { name: 'Four' }).check()
    await device.getByRole('button', { name: 'Next', exact: true }).click()
    await expect(device.getByText('Table for 4, Rui')).toBeVisible()
    await device.getByLabel('Day', { exact: true }).fill('2026-12-24')
    await device.getByRole('checkbox', { name: 'Cake' }).check()
    await device.getByRole('button', { name: 'Review' }).click()
    await expect(device.getByText('Booking for Rui on 2026-12-24')).toBeVisible()
    await device.getByRole('button', { name: 'Book' }).click()
    const response = device.getByLabel('Response the business receives')
    await expect(response).toBeVisible()
    expect(JSON.parse((await response.textContent()) ?? '')).toEqual({ guest: 'Rui', seats: '4', day: '2026-12-24', extras: ['cake'] })
  })
}

test('a component clicked in the phone is selected in the JSON; the cursor in the JSON shows its component and screen', async ({ page, sandbox }) => {
  await newFlowWith(page, sandbox.url('/'), JSON.stringify(every))
  const device = phone(page)
  await device.getByText('Prices include VAT').click()
  await editorBox(page).focus()
  await expect.poll(selectedText(page)).toBe('{"type":"TextCaption","text":"Prices include VAT"}')
  // The other way: a click in the JSON on a component of the second screen.
  await page.locator('.cm-content').getByText('Check availability').click()
  await expect(device.getByRole('heading', { level: 3, name: 'Details' })).toBeVisible()
  await expect(device.getByRole('button', { name: 'Check availability' }).locator('xpath=ancestor::div[contains(@class, "pv-item")][1]')).toHaveClass(/pv-item--selected/)
})

test("Meta's error is on its component in the phone, and its message leads to its place in the JSON", async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Customer feedback – draft 2' }).click()
  const finding = phone(page).getByRole('button', { name: /^Meta: Invalid value found for property 'type'/ })
  await expect(finding).toBeVisible()
  await expect(phone(page).getByRole('note')).toContainText('“TextBodyy” is not a component this preview knows')
  await finding.click()
  await expect(editorBox(page)).toBeFocused()
  await expect.poll(selectedText(page)).toBe('"TextBodyy"')
})

test('a version in History and both sides of a comparison on the phone', async ({ page, sandbox }) => {
  test.slow()
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await expect(phone(page).getByRole('heading', { level: 3 })).toBeVisible()
  await page.getByRole('button', { name: 'Start from an example' }).click()
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Start from an example' }).click()
  await expect(phone(page).getByRole('heading', { level: 3, name: 'Welcome' })).toBeVisible()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(lastSave(page)).toContainText('Saved “Spring sale survey”')
  await page.getByRole('link', { name: 'History' }).click()

  const rows = page.getByRole('table', { name: /^Versions of / }).getByRole('row').filter({ has: page.getByRole('rowheader') })
  await expect(rows).toHaveCount(2)
  await rows.nth(1).getByRole('button', { name: /^Preview the version of / }).click()
  const version = page.getByRole('region', { name: /^Preview of the version of / })
  await expect(version.getByRole('heading', { level: 2 })).toBeFocused()
  await expect(version.getByRole('region', { name: /^Version of / }).getByRole('heading', { level: 4, name: 'Spring sale survey' })).toBeVisible()

  await rows.nth(1).getByRole('button', { name: 'Compare with current' }).click()
  const difference = page.getByRole('region', { name: 'Difference' })
  await expect(difference).toContainText('Screens: WELCOME changed.')
  const phones = difference.locator('.compare-phones__pair').getByRole('region')
  await expect(phones).toHaveCount(2)
  await expect(phones.nth(0).getByRole('heading', { level: 4, name: 'Spring sale survey' })).toBeVisible()
  await expect(phones.nth(1).getByRole('heading', { level: 4, name: 'Hello!' })).toBeVisible()
})

test("Meta's preview of the saved flow is framed, with its expiry and New link (the sandbox's own page)", async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await page.getByRole('button', { name: "Meta's preview" }).click()
  await expect(page.getByText(/The saved version at 8x8, drawn by Meta: unsaved changes are not in it\. The link is valid until/)).toBeVisible()
  const frame = page.getByTitle("Meta's preview of Spring sale survey")
  const first = await frame.getAttribute('src')
  expect(first).toMatch(/\/flows\/987412365401287\/phone\?token=/)
  await expect(page.frameLocator('iframe').getByRole('heading', { level: 4, name: 'Spring sale survey' })).toBeVisible()
  await page.getByRole('button', { name: 'New link' }).click()
  await expect.poll(() => frame.getAttribute('src')).not.toBe(first)
  await page.getByRole('checkbox', { name: 'Interactive' }).check()
  await expect(frame).toHaveAttribute('src', /interactive=true&flow_action=navigate&flow_action_payload=/)
})

test("the details panel previews a flow's current JSON without opening the editor", async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('button', { name: 'Old promo', exact: true }).click()
  const panel = page.getByRole('dialog', { name: /Old promo/ })
  await panel.getByRole('button', { name: 'Preview', exact: true }).click()
  await expect(panel.getByRole('region', { name: 'Preview of the current JSON' }).getByRole('heading', { level: 4, name: 'Old promo' })).toBeVisible()
})

test('a wide window can hide the phone for the JSON alone; the choice is kept in this browser', async ({ page, sandbox }) => {
  await page.goto(sandbox.url('/'))
  await page.getByRole('link', { name: 'Edit Spring sale survey' }).click()
  await expect(phone(page)).toBeVisible()
  await page.getByRole('button', { name: 'Hide the preview' }).click()
  await expect(phone(page)).toHaveCount(0)
  await page.reload()
  await expect(editorBox(page)).toBeVisible()
  await expect(phone(page)).toHaveCount(0)
  await page.getByRole('button', { name: 'Show the preview' }).click()
  await expect(phone(page).getByRole('heading', { level: 4, name: 'Spring sale survey' })).toBeVisible()
})

test('the preview is reachable by keyboard and never traps the focus', async ({ page, sandbox }) => {
  await newFlowWith(page, sandbox.url('/'), JSON.stringify(every, null, 2))
  const device = phone(page)
  await device.getByLabel('Screen').focus()
  const reached: string[] = []
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab')
    const inside = await device.evaluate((region) => region.contains(document.activeElement))
    if (!inside) break
    reached.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''))
  }
  expect(reached).toContain('Close')
  expect(reached).toContain('Next')
  expect(reached.length).toBeLessThan(40)
})

for (const { name, size, scheme } of [
  { name: 'a wide window in light', size: { width: 1280, height: 800 }, scheme: 'light' as const },
  { name: 'a phone in dark', size: { width: 390, height: 844 }, scheme: 'dark' as const },
]) {
  test(`editor and phone on ${name}: side by side or as tabs, axe clean`, async ({ page, sandbox }) => {
    await page.setViewportSize(size)
    await page.emulateMedia({ colorScheme: scheme })
    await newFlowWith(page, sandbox.url('/'), JSON.stringify(every, null, 2))
    if (size.width < 1100) {
      // Two tabs: one shown at a time (the phone's code loads with the first look at it).
      await page.getByRole('tab', { name: 'Preview' }).click()
      await expect(phone(page)).toBeVisible()
      await expect(editorBox(page)).toBeHidden()
      await page.getByRole('tab', { name: 'JSON' }).click()
      await expect(editorBox(page)).toBeVisible()
      await expect(phone(page)).toBeHidden()
      await page.keyboard.press('ArrowRight')
      await expect(page.getByRole('tab', { name: 'Preview' })).toBeFocused()
    } else {
      await expect(editorBox(page)).toBeVisible()
      await expect(page.getByRole('tab')).toHaveCount(0)
      // The page takes the window's width for the two (its usual width is 1100 px).
      expect((await page.getByRole('main').boundingBox())!.width).toBeGreaterThan(1200)
    }
    await expect(phone(page).getByRole('heading', { level: 3, name: 'Book a table' })).toBeVisible()
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
  })
}

test("every sandbox flow draws on the sandbox's preview page (what Meta's preview frames there)", async ({ page, sandbox }) => {
  test.slow()
  const config = (await (await page.request.get(sandbox.url('/api/config'))).json()) as { accountId: string; channels: { id: string }[] }
  let drawn = 0
  for (const channel of config.channels) {
    const flowsPath = `/accounts/${config.accountId}/channels/${channel.id}/flows`
    const { flows } = (await (await page.request.get(sandbox.url(`/api/v1${flowsPath}`))).json()) as { flows: { id: string; name: string }[] }
    for (const flow of flows) {
      // The seed's flows that fail on purpose (an error, a hang, no JSON) have nothing to draw.
      const json = await page.request.get(sandbox.url(`/api/v1${flowsPath}/${flow.id}/json`), { timeout: 1500 }).catch(() => null)
      if (!json?.ok()) continue
      await page.goto(sandbox.url(`${flowsPath}/${flow.id}/phone`))
      await expect(page.getByRole('region', { name: 'Saved flow' }).getByRole('heading', { level: 3 })).toHaveText(/\S/)
      drawn++
    }
  }
  expect(drawn).toBeGreaterThan(10)
})
