import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/server/store/open-store'
import { test, type Page } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
import { liveSeed, startFake8x8 } from '../e2e/fake-8x8'
import type { Seed } from '../src/server/sandbox/seed'
import { saveSection } from './support/results'
import { median, range } from './support/stats'
import { keyLatencies, watchKeyLatencies } from './support/pages'

/**
 * `npm run bench` (run `npm run build` first when alone): the flow editor with a large flow. Opening a
 * 200 kB flow JSON until the editor is editable, beside a 2 kB one (interleaved cold loads), and the
 * typing latency in the large one (keydown to the next frame), quiet and with the CPU slowed 4×.
 * Writes bench/results/editor.{json,md}. Nothing here passes or fails on a number.
 */
const rounds = 7

/** A flow JSON of about `bytes`: screens of text components, pretty-printed as an operator would keep it. */
function flowJsonOf(bytes: number): string {
  const screens = []
  for (let n = 0; JSON.stringify(screens).length < bytes * 0.8; n++) {
    screens.push({
      id: `SCREEN_${n}`,
      title: `Step ${n}`,
      ...(n === 0 ? { terminal: true } : {}),
      layout: { type: 'SingleColumnLayout', children: Array.from({ length: 8 }, (_, c) => ({ type: 'TextBody', text: `Screen ${n}, paragraph ${c}: some words an operator wrote.` })) },
    })
  }
  return `${JSON.stringify({ version: '7.3', screens }, null, 2)}\n`
}

const large = { id: '1666000000000001', json: flowJsonOf(200_000) }
const small = { id: '1666000000000002', json: flowJsonOf(2_000) }
const seed: Seed = {
  ...liveSeed,
  channels: [
    {
      ...liveSeed.channels[0],
      flows: [
        { id: large.id, name: 'Large flow', status: 'DRAFT', categories: ['OTHER'], flowJson: large.json },
        { id: small.id, name: 'Small flow', status: 'DRAFT', categories: ['OTHER'], flowJson: small.json },
      ],
    },
  ],
}

/** From navigation to an editor whose text is in and which takes input (ms since the navigation began). */
async function openEditor(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('textbox', { name: 'Flow JSON' }).waitFor()
  await page.waitForFunction(() => document.querySelector('.cm-content')?.getAttribute('contenteditable') === 'true' && document.querySelector('.cm-line') !== null)
  return page.evaluate(() => performance.now())
}

/** Keydown to the next animation frame, for `count` keys typed at the end of the first line. */
async function typingLatency(page: Page, count: number) {
  await page.getByRole('textbox', { name: 'Flow JSON' }).click()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('End')
  await watchKeyLatencies(page)
  for (let n = 0; n < count; n++) await page.keyboard.press('x')
  await page.waitForTimeout(200)
  return keyLatencies(page)
}

test('the editor with a 200 kB flow JSON: opening it, and typing in it', async ({ browser }) => {
  const fake = await startFake8x8(seed)
  const [channel] = seed.channels
  const app = await startAppServer(
    { EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: `${channel.id}=Bench`, EIGHTX8_BASE_URL: fake.baseUrl },
    { logToFile: true },
  )
  const editorUrl = (flowId: string) => app.url(`/accounts/${seed.accountId}/channels/${channel.id}/flows/${flowId}/edit`)
  const open: Record<string, number[]> = { '200 kB': [], '2 kB': [] }
  const typing: Record<string, number[]> = {}
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [label, flow] of (round % 2 === 0 ? [['200 kB', large], ['2 kB', small]] : [['2 kB', small], ['200 kB', large]]) as [string, typeof large][]) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
        const page = await context.newPage()
        open[label].push(await openEditor(page, editorUrl(flow.id)))
        await context.close()
      }
    }
    // Side by side: the same typing in the 2 kB flow is the harness's own floor.
    for (let round = 0; round < 3; round++) {
      for (const [cpu, rate] of [['quiet', 1], ['CPU ×4', 4]] as const) {
        for (const [size, flow] of [['200 kB', large], ['2 kB', small]] as const) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
          const page = await context.newPage()
          await openEditor(page, editorUrl(flow.id))
          const cdp = await context.newCDPSession(page)
          await cdp.send('Emulation.setCPUThrottlingRate', { rate })
          ;(typing[`${size}, ${cpu}`] ??= []).push(...(await typingLatency(page, 20)))
          await context.close()
        }
      }
    }
  } finally {
    await app.stop()
    await fake.stop()
  }
  const ratios = open['200 kB'].map((value, n) => value / open['2 kB'][n])
  const table = [
    `### Flow editor: open to editable (${rounds} interleaved cold loads each), and typing in a 200 kB JSON`,
    '',
    '| measure | median | range |',
    '|---|---|---|',
    `| open, 200 kB JSON (${(large.json.length / 1000).toFixed(0)} kB) | ${median(open['200 kB']).toFixed(0)} ms | ${range(open['200 kB'])} ms |`,
    `| open, 2 kB JSON | ${median(open['2 kB']).toFixed(0)} ms | ${range(open['2 kB'])} ms |`,
    `| ratio 200 kB / 2 kB, same round | ${median(ratios).toFixed(2)}× | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× |`,
    ...Object.entries(typing).map(([label, values]) => `| typing, keydown to next frame: ${label} (${values.length} keys) | ${median(values).toFixed(1)} ms | ${range(values)} ms |`),
    '',
  ].join('\n')
  saveSection('editor', { open, typing }, table.split('\n'))
})

test('the history of a flow with 200 versions: opening it (its first page), and comparing two 200 kB versions', async ({ browser }) => {
  // 200 versions of the large flow, each a little different, in a SQLite store the server then opens.
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-history-bench-'))
  const databaseUrl = `file:${join(dir, 'history.db')}`
  const store = await openStore(databaseUrl)
  const [channel] = seed.channels
  for (let n = 0; n < 200; n++) {
    const json = large.json.replace('"Step 0"', `"Step 0 (edit ${n})"`).replace('"Step 7"', n % 2 === 0 ? '"Step 7"' : `"Step 7 (odd ${n})"`)
    await store.versions.keep({ accountId: seed.accountId, channelId: channel.id, flowId: large.id, json, source: 'saved', validationErrorCount: 0, requestId: `bench-${n}`, takenBy: 'bench' })
  }
  await store.close()
  const fake = await startFake8x8(seed)
  const app = await startAppServer(
    { EIGHTX8_API_KEY: seed.apiKey, EIGHTX8_ACCOUNT_ID: seed.accountId, EIGHTX8_CHANNELS: `${channel.id}=Bench`, EIGHTX8_BASE_URL: fake.baseUrl, DATABASE_URL: databaseUrl },
    { logToFile: true },
  )
  const historyUrl = app.url(`/accounts/${seed.accountId}/channels/${channel.id}/flows/${large.id}/history`)
  const open: number[] = []
  const inApp: number[] = []
  const compare: number[] = []
  try {
    for (let round = 0; round < rounds; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      await page.goto(historyUrl)
      const rows = page.getByRole('table', { name: /^Versions of / }).getByRole('row').filter({ has: page.getByRole('rowheader') })
      await rows.nth(99).waitFor({ state: 'attached' })
      open.push(await page.evaluate(() => performance.now()))
      // In the app: from the editor (its code loaded), the History link to the first page's 100 rows.
      await page.goto(historyUrl.replace(/history$/, 'edit'))
      await page.getByRole('textbox', { name: 'Flow JSON' }).waitFor()
      const clicked = await page.evaluate(() => performance.now())
      await page.getByRole('link', { name: 'History' }).click()
      await rows.nth(99).waitFor({ state: 'attached' })
      inApp.push((await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))))) - clicked)
      await rows.nth(0).getByRole('checkbox').check()
      await rows.nth(99).getByRole('checkbox').check()
      const started = await page.evaluate(() => performance.now())
      await page.getByRole('button', { name: /^Compare selected/ }).click()
      await page.locator('.cm-mergeView .cm-changedLine').first().waitFor()
      compare.push((await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))))) - started)
      await context.close()
    }
  } finally {
    await app.stop()
    await fake.stop()
  }
  const table = [
    `### History: 200 versions of a ${(large.json.length / 1000).toFixed(0)} kB flow, the newest 100 on its first page (${rounds} cold loads; aim: open under 300 ms)`,
    '',
    '| measure | median | range |',
    '|---|---|---|',
    `| in the app: History clicked (in the editor) to the first page's 100 rows painted | ${median(inApp).toFixed(0)} ms | ${range(inApp)} ms |`,
    `| a cold load of the page (its code, the configuration, the versions) to its 100 rows | ${median(open).toFixed(0)} ms | ${range(open)} ms |`,
    `| Compare selected (two 260 kB versions) to the difference painted | ${median(compare).toFixed(0)} ms | ${range(compare)} ms |`,
    '',
  ].join('\n')
  saveSection('history', { open, inApp, compare }, table.split('\n'))
})
