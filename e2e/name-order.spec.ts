import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
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
