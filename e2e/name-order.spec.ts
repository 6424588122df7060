import { fileURLToPath } from 'node:url'
import { startAppServer, type AppServer } from './app-server'
import { liveSeed, startFake8x8, type Fake8x8 } from './fake-8x8'
import { expect, flowsTable, test } from './fixtures'
import { build, type Rolldown } from 'vite'
import { rootOrderLanguages } from '../src/features/flows/name-order'

declare global {
  interface Window {
    nameOrderCheck: typeof import('../src/test/name-order-check')
  }
}

// The console compares ASCII names with a table instead of the browser's collator (name-order.ts). The
// unit test checks the table against Node's ICU; this checks it against the ICU inside Chromium, for
// the locales the table is used for, the one the browser runs in, and the ones it must not be used for.
test('the name table orders ASCII names as Chromium’s Intl.Collator does', async ({ page }) => {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL('../src/test/name-order-check.ts', import.meta.url)), formats: ['iife'], name: 'nameOrderCheck' },
    },
  })) as Rolldown.RolldownOutput[]
  await page.setContent('<!doctype html><title>name order</title>')
  await page.addScriptTag({ content: output[0].output[0].code })

  const results = await page.evaluate(
    ([listed, tailored]) => ({
      browser: navigator.language,
      listed: Object.fromEntries([...listed, navigator.language].map((locale) => [locale, window.nameOrderCheck.disagreements(locale)])),
      tailored: Object.fromEntries(tailored.map((locale) => [locale, window.nameOrderCheck.disagreements(locale).length])),
    }),
    [[...rootOrderLanguages], ['da', 'cs', 'lt', 'tr', 'th']] as const,
  )

  expect(results.browser).not.toBe('')
  for (const [locale, pairs] of Object.entries(results.listed)) expect(pairs, locale).toEqual([])
  for (const [locale, count] of Object.entries(results.tailored)) expect(count, locale).toBeGreaterThan(0)
})

// The server renders the first screen (src/server/page) in the order the browser will keep: the
// operator's language, as the browser asks for it. In Czech "ch" comes after "h"; in English it does not.
test.describe('a server-rendered page in a language with its own order', () => {
  test.use({ locale: 'cs-CZ' })
  const names = ['Hrad', 'Chata', 'Dům', 'Cesta']
  const czechOrder = ['Cesta', 'Dům', 'Hrad', 'Chata']
  let fake: Fake8x8
  let app: AppServer

  test.beforeAll(async () => {
    const [channel] = liveSeed.channels
    const flows = names.map((name, i) => ({ id: `177700000000000${i}`, name, status: 'DRAFT' as const, categories: ['OTHER' as const] }))
    fake = await startFake8x8({ ...liveSeed, channels: [{ ...channel, flows, templates: [] }] })
    app = await startAppServer({ EIGHTX8_API_KEY: liveSeed.apiKey, EIGHTX8_ACCOUNT_ID: liveSeed.accountId, EIGHTX8_CHANNELS: channel.id, EIGHTX8_BASE_URL: fake.baseUrl })
  })
  test.afterAll(async () => {
    await app.stop()
    await fake.stop()
  })

  test('comes in Czech order from the server, and keeps it once the app takes the page over', async ({ page }) => {
    const rows = () => flowsTable(page).getByRole('rowheader').allTextContents()
    const served = await (await page.request.get(app.url('/'), { headers: { 'accept-language': 'cs-CZ,cs;q=0.9' } })).text()
    const where = czechOrder.map((name) => served.indexOf(`>${name}<`))
    expect(where.every((at) => at > 0)).toBe(true)
    expect(where).toEqual(where.toSorted((a, b) => a - b))
    await page.goto(app.url('/'))
    expect(await rows()).toEqual(czechOrder)
    // Once the app has taken the page over (its search filters: typed again until it does), without
    // rendering it again (the pageHealth fixture), the order has not moved.
    await expect(async () => {
      await page.getByRole('searchbox', { name: 'Search by name or ID' }).fill('t')
      await expect(flowsTable(page).getByRole('row')).toHaveCount(3, { timeout: 1000 })
    }).toPass()
    expect(await rows()).toEqual(czechOrder.filter((name) => name.includes('t')))
  })
})
