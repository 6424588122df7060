import { test } from '@playwright/test'
import { startAppServer } from '../e2e/app-server'
test('shot', async ({ browser }) => {
  const server = await startAppServer({ SANDBOX_LATENCY_MS: '0' })
  for (const [w, h] of (process.env.SHOT_SIZES ?? '1280x720,390x844').split(',').map((s) => s.split('x').map(Number))) {
    const page = await browser.newPage({ viewport: { width: w, height: h } })
    await page.goto(server.url(process.env.SHOT_PATH ?? '/'))
    await page.waitForTimeout(1500)
    await page.mouse.move(w / 2, h / 2)
    await page.mouse.wheel(0, Number(process.env.SHOT_SCROLL ?? 15000))
    await page.waitForTimeout(800)
    await page.screenshot({ path: `/tmp/shot-${w}.png`, animations: 'disabled' })
    await page.close()
  }
  await server.stop()
})
