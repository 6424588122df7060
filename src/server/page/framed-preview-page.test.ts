import { describe, expect, it } from 'vitest'
import { builtClient, home } from './page-test-support'

// The sandbox's stand-in for Meta's preview (…/flows/:flowId/phone) is framed by the editor: that page,
// and only in the sandbox, may be framed, and only by the console itself.

const phonePage = `/accounts/${home.accountId}/channels/${home.channelId}/flows/1001/phone?token=t`
const editorPage = `/accounts/${home.accountId}/channels/${home.channelId}/flows/1001/edit`

describe('the preview page the sandbox frames', () => {
  it('may be framed by the console only', async () => {
    const { app } = builtClient({ framesSelf: true })
    const response = await app.request(phonePage)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  it('every other page stays unframeable', async () => {
    const { app } = builtClient({ framesSelf: true })
    const response = await app.request(editorPage)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })

  it('outside the sandbox the preview page is not framed either', async () => {
    const { app } = builtClient()
    const response = await app.request(phonePage)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('the build manifest', () => {
  it('is never served (it names every source file of the client)', async () => {
    const { app } = builtClient()
    expect((await app.request('/.vite/manifest.json')).status).toBe(404)
  })
})
