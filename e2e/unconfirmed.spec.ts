import { expect, lastSave, test, toast } from './fixtures'
import { liveSeed } from './fake-8x8'

// A change 8x8 carried out, but whose answer never came back in time: told as not confirmed, then as
// what it turned out to be, never as a failure.

const [channel] = liveSeed.channels
const draft = '1444000000000001'
const editor = `/accounts/${liveSeed.accountId}/channels/${channel.id}/flows/${draft}/edit`

test.describe('changes 8x8 made without confirming them', () => {
  test.use({ serverEnv: { EIGHTX8_TIMEOUT_MS: '1500' } })

  test('a save: not confirmed; saving again finds nothing to save, sends nothing, and History shows it saved', async ({ page, live }) => {
    await page.goto(live.app.url(editor))
    const text = page.getByRole('textbox', { name: 'Flow JSON' })
    await expect(text).toContainText('Tell us')
    await text.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.insertText('\n')
    live.fake.answerNothingOnce('PUT', `/flows/${draft}`)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(toast(page, 'Save not confirmed: “Live draft”')).toBeVisible()

    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(lastSave(page)).toContainText('Nothing to save: “Live draft”')
    await expect(lastSave(page)).toContainText('went through after all')
    expect(live.fake.requests.filter((request) => request.method === 'PUT')).toHaveLength(1)

    await page.goto(live.app.url(editor.replace(/\/edit$/, '/history')))
    const versions = page.getByRole('table', { name: /versions/i })
    await expect(versions.getByRole('row').nth(1)).toContainText('Saved here')
    await expect(versions).not.toContainText('did not confirm')
    await expect(versions).not.toContainText('failed')
  })

  test('a publish: found published before it is told, and said so', async ({ page, live }) => {
    await page.goto(live.app.url(editor))
    await expect(page.getByRole('textbox', { name: 'Flow JSON' })).toContainText('Tell us')
    live.fake.answerNothingOnce('POST', `/flows/${draft}/publish`)
    await page.getByRole('button', { name: 'Publish…' }).click()
    await page.getByRole('alertdialog', { name: 'Publish flow?' }).getByRole('button', { name: 'Publish flow' }).click()
    await expect(toast(page, 'Published “Live draft”')).toContainText('went through')
  })
})
