import { readFileSync } from 'node:fs'
import { test, type BrowserContext, type Page } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { liveSeed, startFake8x8 } from '../e2e/fake-8x8'
import type { Seed } from '../src/server/sandbox/seed'
import { saveSection } from './support/results'
import { median, range } from './support/stats'
import { keyLatencies, watchKeyLatencies } from './support/pages'

/**
 * `npm run bench` (run `npm run build` first when alone): the phone preview beside a 260 kB flow JSON,
 * each measure side by side with the editor alone (the preview hidden), interleaved in one run:
 * opening the editor, a keystroke to the editor painted, and typing stopped to the phone updated.
 * Nothing here passes or fails on a number.
 */
const rounds = 7

type Screen = { id: string; title?: string; [key: string]: unknown }

/** A flow of about `bytes`: the fixture that uses every 7.3 component, its screens repeated (ids made unique). */
function flowJsonOf(bytes: number): string {
  const every = JSON.parse(readFileSync(new URL('../src/features/preview/fixtures/every-component.json', import.meta.url), 'utf8')) as { screens: Screen[] }
  const screens: Screen[] = []
  const text = () => `${JSON.stringify({ version: '7.3', screens }, null, 2)}\n`
  for (let n = 0; text().length < bytes; n++) {
    for (const screen of every.screens) screens.push(JSON.parse(JSON.stringify(screen).replaceAll(`"${screen.id}"`, `"${screen.id}_${n}"`).replaceAll(`screen.${screen.id}.`, `screen.${screen.id}_${n}.`)) as Screen)
  }
  while (text().length > bytes) screens.pop()
  // The first screen's title is where the typing goes: a string, so the JSON stays valid as it is typed.
  screens[0].title = 'Typed here'
  return text()
}

const large = { id: '1777000000000001', json: flowJsonOf(260_000) }
const seed: Seed = { ...liveSeed, channels: [{ ...liveSeed.channels[0], flows: [{ id: large.id, name: 'Large flow', status: 'DRAFT', categories: ['OTHER'], flowJson: large.json }] }] }

/** A fresh browser context, the preview shown or hidden (the operator's choice, kept in local storage). */
async function contextWith(browser: import('@playwright/test').Browser, preview: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  if (!preview) await context.addInitScript(() => localStorage.setItem('flows-admin:preview-hidden', '1'))
  // When the editor first takes input, and when the phone first shows its screen's title: noted by the
  // page itself (a locator's polling would add its own time to one side only).
  await context.addInitScript(() => {
    const seen: Record<string, number> = {}
    ;(window as unknown as { seen: typeof seen }).seen = seen
    const observer = new MutationObserver(() => {
      if (seen.editor === undefined && document.querySelector('.cm-content[contenteditable=true] .cm-line')) seen.editor = performance.now()
      if (seen.phone === undefined && document.querySelector('.pv-bar__title')) seen.phone = performance.now()
    })
    observer.observe(document, { subtree: true, childList: true, attributes: true })
  })
  return context
}

/** Navigation to an editor that takes input and, with the preview, a phone drawn (ms since navigation began). */
async function openEditor(page: Page, url: string, preview: boolean) {
  await page.goto(url)
  await page.waitForFunction((phone) => {
    const seen = (window as unknown as { seen: Record<string, number | undefined> }).seen
    return seen.editor !== undefined && (!phone || seen.phone !== undefined)
  }, preview)
  return page.evaluate(() => {
    const seen = (window as unknown as { seen: Record<string, number> }).seen
    return Math.max(seen.editor, seen.phone ?? 0)
  })
}

/** The cursor inside the first screen's title (after "Typed"). */
async function intoTheTitle(page: Page) {
  await page.getByRole('textbox', { name: 'Flow JSON' }).click()
  await page.keyboard.press('Control+Home')
  const line = large.json.split('\n').findIndex((text) => text.includes('"Typed here"'))
  for (let n = 0; n < line; n++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  for (let n = 0; n < 'here",'.length + 1; n++) await page.keyboard.press('ArrowLeft')
}

/** Keydown to the next frame for `count` keys, typed as an operator types (a key every 60 ms). */
async function keystrokes(page: Page, count: number) {
  await watchKeyLatencies(page)
  for (let n = 0; n < count; n++) {
    await page.keyboard.press('x')
    await page.waitForTimeout(60)
  }
  await page.waitForTimeout(300)
  return keyLatencies(page)
}

/** The last keydown of a word to the phone's title showing it. */
async function typedToPhone(page: Page, word: string) {
  await page.evaluate((expected) => {
    const state = window as unknown as { lastKey: number; shown: Promise<number> }
    document.addEventListener('keydown', (event) => (state.lastKey = event.timeStamp), true)
    state.shown = new Promise<number>((done) => {
      const observer = new MutationObserver(() => {
        const title = document.querySelector('.pv-bar__title')?.textContent ?? ''
        if (title.includes(expected)) {
          observer.disconnect()
          done(performance.now())
        }
      })
      observer.observe(document.querySelector('.pv')!, { subtree: true, childList: true, characterData: true })
    })
  }, word)
  await page.keyboard.type(word, { delay: 60 })
  return page.evaluate(async () => {
    const state = window as unknown as { lastKey: number; shown: Promise<number> }
    return (await state.shown) - state.lastKey
  })
}

const ratio = (a: number[], b: number[]) => a.map((value, n) => value / b[n])
const spread = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}×`

test('the phone preview beside a 260 kB flow JSON', async ({ browser }) => {
  const fake = await startFake8x8(seed)
  const [channel] = seed.channels
  const app = await startAppServer(
    { EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: `${channel.id}=Bench`, EIGHTX8_BASE_URL: fake.baseUrl },
    { logToFile: true },
  )
  const url = app.url(`/accounts/${seed.accountId}/channels/${channel.id}/flows/${large.id}/edit`)
  const open = { preview: [] as number[], alone: [] as number[] }
  const typing = { preview: [] as number[], alone: [] as number[] }
  const updated: number[] = []
  try {
    for (let round = 0; round < rounds; round++) {
      for (const preview of round % 2 === 0 ? [true, false] : [false, true]) {
        const context = await contextWith(browser, preview)
        const page = await context.newPage()
        open[preview ? 'preview' : 'alone'].push(await openEditor(page, url, preview))
        await intoTheTitle(page)
        typing[preview ? 'preview' : 'alone'].push(median(await keystrokes(page, 15)))
        if (preview) updated.push(await typedToPhone(page, `r${round}`))
        await context.close()
      }
    }
  } finally {
    await app.stop()
    await fake.stop()
  }
  const openRatio = ratio(open.preview, open.alone)
  const typingRatio = ratio(typing.preview, typing.alone)
  saveSection('preview', { open, typing, updated }, [
    `### Phone preview beside a ${(large.json.length / 1000).toFixed(0)} kB flow JSON (${rounds} interleaved rounds, the preview shown and hidden)`,
    '',
    '| measure | with the preview | editor alone | ratio, same round | aim |',
    '|---|---|---|---|---|',
    `| open to editable (with the phone drawn) | ${median(open.preview).toFixed(0)} ms (${range(open.preview)}) | ${median(open.alone).toFixed(0)} ms (${range(open.alone)}) | ${median(openRatio).toFixed(2)}× (${spread(openRatio)}) | ≤ 1.2× |`,
    `| keystroke to editor painted (median of 15 keys a round) | ${median(typing.preview).toFixed(1)} ms (${range(typing.preview)}) | ${median(typing.alone).toFixed(1)} ms (${range(typing.alone)}) | ${median(typingRatio).toFixed(2)}× (${spread(typingRatio)}) | ≤ 1.1× |`,
    `| typing stopped to the phone updated | ${median(updated).toFixed(0)} ms (${range(updated)}) | | | ≤ 150 ms |`,
    '',
  ])
})
