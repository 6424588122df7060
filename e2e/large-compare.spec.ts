import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'

// Comparing large versions never stops the page answering: a 300 kB flow with a 1 MB one-line one.

const flowsApi = '/api/v1/accounts/5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19/channels/3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84/flows'
const draft = '987412365401287' // Spring sale survey

function flowJson(screens: number, label: string) {
  return {
    version: '7.3',
    screens: Array.from({ length: screens }, (_, n) => ({
      id: `SCREEN_${n}`,
      title: `${label} ${n}`,
      terminal: n === screens - 1,
      layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: `${label} screen ${n}: ${'lorem ipsum '.repeat(8)}` }] },
    })),
  }
}

async function save(request: APIRequestContext, base: string, text: string) {
  const read = await request.get(`${base}${flowsApi}/${draft}/json`)
  const answer = await request.put(`${base}${flowsApi}/${draft}`, {
    headers: { 'x-requested-with': 'XMLHttpRequest', 'if-match': read.headers().etag, origin: base },
    data: { flowJson: text },
  })
  expect(answer.status()).toBe(200)
}

test('comparing a 300 kB version with a 1 MB one-line version: the page keeps answering, and says how it compared them', async ({ page, sandbox }) => {
  test.slow()
  const base = sandbox.url('').replace(/\/$/, '')
  const pretty = JSON.stringify(flowJson(785, 'Pretty'), null, 2)
  const oneLine = JSON.stringify(flowJson(3810, 'One line'))
  expect(pretty.length).toBeGreaterThan(290_000)
  expect(oneLine.length).toBeGreaterThan(990_000)
  expect(oneLine.length).toBeLessThan(1_000_000)
  await save(page.request, base, pretty)
  await save(page.request, base, oneLine)

  await page.goto(`${base}/accounts/5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19/channels/3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84/flows/${draft}/history`)
  const rows = page.getByRole('table', { name: /^Versions of / }).getByRole('row').filter({ has: page.getByRole('rowheader') })
  await rows.nth(0).getByRole('checkbox').check()
  await rows.nth(1).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Compare selected (2 of 2)' }).click()
  const difference = page.getByRole('region', { name: 'Difference' })
  await expect(difference).toContainText(/lines? added/, { timeout: 20_000 })
  await expect(difference).toContainText(/too large to compare character by character/i)
  // The page answers: a click elsewhere does what it says at once.
  await rows.nth(2).getByRole('checkbox').check({ timeout: 5_000 })
  await expect(page.getByRole('button', { name: 'Compare selected (2 of 2)' })).toBeVisible()
})
