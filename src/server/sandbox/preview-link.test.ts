import { describe, expect, it } from 'vitest'
import type { FlowPreview } from '../../shared/flow'
import { createApp } from '../app'
import { createUpstreamClient } from '../upstream/client'
import { accountId, channelId, flowsUrl, liveConfig, memoryAudit, memoryLog, testKey } from '../test-support'
import { createEmulator } from './emulator'
import { consolePreviewUrl, sandboxPreviewOrigin } from './preview-link'
import type { Seed } from './seed'

// In the sandbox there is no Meta to draw a flow: its preview link opens this console's own preview of
// the saved JSON, a page the console frames.

const flowId = '1620387745519023'
const seed: Seed = { apiKey: testKey, accountId, channels: [{ id: channelId, name: 'Test', flows: [{ id: flowId, name: 'Promo', status: 'DRAFT', categories: ['OTHER'], flowJson: '{}' }] }] }

function sandboxApp() {
  const config = { ...liveConfig(), mode: 'sandbox' as const }
  const emulator = createEmulator({ seed })
  return createApp({ config, upstream: createUpstreamClient({ ...config.upstream, fetch: emulator.fetch }), logger: memoryLog().logger, audit: memoryAudit() })
}

describe('the sandbox preview link', () => {
  it("is the console's own preview page of the saved flow, with its expiry", async () => {
    const response = await sandboxApp().request(`${flowsUrl}/${flowId}/preview`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as FlowPreview
    expect(body.previewUrl).toMatch(new RegExp(`^/accounts/${accountId}/channels/${channelId}/flows/${flowId}/phone\\?token=[0-9a-f-]{36}$`))
    expect(Date.parse(body.expiresAt!)).toBeGreaterThan(Date.now())
  })

  it("leaves any other link as 8x8 gave it (Meta's host is never rewritten)", () => {
    const meta = 'https://business.facebook.com/wa/manage/flows/1/preview/?token=t'
    expect(consolePreviewUrl(meta)).toBe(meta)
    expect(consolePreviewUrl(`${sandboxPreviewOrigin}.example.com/x`)).toBe(`${sandboxPreviewOrigin}.example.com/x`)
    expect(consolePreviewUrl(`${sandboxPreviewOrigin}/accounts/a/channels/c/flows/f/phone?token=t`)).toBe('/accounts/a/channels/c/flows/f/phone?token=t')
  })

  it('lets the console frame its own pages in the sandbox, and only Meta in live mode', async () => {
    const sandboxCsp = (await sandboxApp().request('/healthz')).headers.get('content-security-policy')
    expect(sandboxCsp).toContain("frame-src 'self' https://business.facebook.com")
    const config = liveConfig()
    const live = createApp({ config, upstream: createUpstreamClient({ ...config.upstream, fetch: createEmulator({ seed }).fetch }), logger: memoryLog().logger, audit: memoryAudit() })
    const liveCsp = (await live.request('/healthz')).headers.get('content-security-policy') ?? ''
    expect(liveCsp).toMatch(/frame-src https:\/\/business\.facebook\.com(;|$)/)
    expect(liveCsp).toContain("frame-ancestors 'none'")
  })
})
