import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/api-error'
import { spa } from '../spa'
import { appConfig, bigScript, builtClient, flows, flowsPage, home, listKey, other, stateOf, styles, templatesKey } from './page-test-support'

describe('the page the server serves', () => {
  it('redirects / to the first configured channel', async () => {
    const answer = await builtClient().app.request('/')
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe(flowsPage())
  })

  it("renders a flows page with its rows, and sends the list it rendered them from, read once through the app's own API", async () => {
    const { app, reads } = builtClient()
    const answer = await app.request(flowsPage())
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-cache')
    const html = await answer.text()
    expect(html).toContain('<th scope="row"')
    for (const flow of flows) expect(html).toContain(flow.name)
    expect(html).toContain('2 flows')
    const channelApi = `/api/v1/accounts/${home.accountId}/channels/${home.channelId}`
    expect(reads.toSorted()).toEqual([`${channelApi}/flows?limit=1000`, `${channelApi}/templates`])
    const state = stateOf(html)!
    expect(state.queries.map((query) => query.queryHash).toSorted()).toEqual([listKey(), '["config"]', templatesKey()].toSorted())
    expect(state.queries.find((query) => query.queryHash === listKey())?.state.data).toEqual({ flows })
  })

  it('says on its row that a template uses a draft, when the templates are in with the list; without them when they fail', async () => {
    const used = () => Response.json({ templates: [{ name: 'spring_promo', language: 'en_US', status: 'APPROVED', flowIds: ['1001'] }] })
    const html = await (await builtClient({ templates: used }).app.request(flowsPage())).text()
    expect(html).toContain('Used by template')
    const failing = () => Response.json({ code: 'UPSTREAM_TIMEOUT', message: 'no answer', errorId: 'err-t', timestamp: '', source: 'proxy' }, { status: 504 })
    const without = await (await builtClient({ templates: failing }).app.request(flowsPage())).text()
    expect(without).not.toContain('Used by template')
    expect(without).toContain('Spring sale survey')
    expect(stateOf(without)!.queries.map((query) => query.queryHash)).not.toContain(templatesKey())
  })

  it("gives React's streaming scripts this response's nonce, and the policy allows only those inline", async () => {
    const answer = await builtClient().app.request(flowsPage())
    const nonce = /'nonce-([^']+)'/.exec(answer.headers.get('content-security-policy') ?? '')?.[1]
    expect(nonce).toBeTruthy()
    const html = await answer.text()
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1])
    const inline = scripts.filter((attributes) => !attributes.includes(' src=') && !attributes.includes('type="application/json"'))
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`)
    // Another request, another nonce.
    const again = await builtClient().app.request(flowsPage())
    expect(again.headers.get('content-security-policy')).not.toContain(nonce)
  })

  it("renders a failed list as the browser would (8x8's code and Error ID), and sends that failure for hydration", async () => {
    const failing = () => Response.json({ code: 1300, message: 'Channel not found', errorId: 'err-1300-a', timestamp: '', source: 'upstream' }, { status: 404 })
    const html = await (await builtClient({ list: failing }).app.request(flowsPage())).text()
    expect(html).toContain("Couldn&#x27;t load the flows")
    expect(html).toContain('err-1300-a')
    const error = stateOf(html)!.queries.find((query) => query.queryHash === listKey())?.state.error
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 404, code: 1300, errorId: 'err-1300-a', source: 'upstream', message: 'Channel not found' })
  })

  it('sends the page loading when 8x8 is slow, without the list, which the browser then asks for', async () => {
    const slow = () => new Promise<Response>((resolve) => setTimeout(() => resolve(Response.json({ flows })), 2000))
    const html = await (await builtClient({ list: slow, waitMs: 30 }).app.request(flowsPage())).text()
    expect(html).toContain('Loading flows…')
    expect(html).not.toContain('Spring sale survey')
    expect(stateOf(html)!.queries.map((query) => query.queryHash)).toEqual(['["config"]'])
    expect(html).not.toContain('Used by template')
  })

  it('writes the styles into every page it serves instead of linking them', async () => {
    const { app } = builtClient()
    for (const path of [flowsPage(), '/lookup/abc']) {
      const html = await (await app.request(path)).text()
      expect(html, path).toContain(`<style>${styles}</style>`)
      expect(html, path).not.toContain('rel="stylesheet"')
    }
  })

  it("sends the head (the app's code and styles) before the list is in", async () => {
    let answer!: () => void
    const held = () => new Promise<Response>((resolve) => (answer = () => resolve(Response.json({ flows }))))
    const response = await builtClient({ list: held }).app.request(flowsPage())
    const reader = response.body!.getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(first).toContain('<script type="module" src="/assets/app.js"></script>')
    expect(first).not.toContain('Spring sale survey')
    answer()
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value)
    expect(rest).toContain('Spring sale survey')
  })

  it('renders an empty channel, and a well-formed channel this deployment does not serve (without reading its list)', async () => {
    const empty = await (await builtClient({ list: () => Response.json({ flows: [] }) }).app.request(flowsPage())).text()
    expect(empty).toContain('No flows in <!-- -->Acme Retail')
    const { app, reads } = builtClient()
    const unknown = await (await app.request(flowsPage(other))).text()
    expect(unknown).toContain('This channel is not configured')
    expect(reads).toEqual([])
  })

  it('no text in the page state (a flow name, an operator) can end its element', async () => {
    const name = '</script><script>alert(1)</script><!-- </SCRIPT'
    const { app } = builtClient({ list: () => Response.json({ flows: [{ id: '1003', name, status: 'DRAFT' }] }) })
    const html = await (await app.request(flowsPage(), { headers: { 'x-test-operator': name } })).text()
    const block = /<script type="application\/json" id="flows-admin-state">(.*?)<\/script>/s.exec(html)![1]
    expect(block).not.toContain('<')
    const state = stateOf(html)!
    expect(state.queries.find((query) => query.queryHash === '["config"]')?.state.data).toMatchObject({ operator: name })
    expect(html).not.toContain('<script>alert(1)')
  })

  it('serves every other page unrendered, with the configuration as /api/config would answer the same request', async () => {
    const { app, reads } = builtClient()
    for (const path of ['/lookup/abc', `/accounts/${home.accountId}/channels/${other}/deleted`, '/accounts/%ZZ/channels/x/flows', `/accounts/${home.accountId}/channels/%22%3E%3Cscript%3E/flows`]) {
      const html = await (await app.request(path, { headers: { 'x-test-operator': 'ana' } })).text()
      expect(html, path).toContain('<div id="root"></div>')
      const state = stateOf(html)!
      expect(state.queries.map((query) => query.state.data)).toEqual([{ ...appConfig, operator: 'ana' }])
    }
    expect(reads).toEqual([])
  })

  it('serves the hashed assets as files, cached for a year', async () => {
    const { app } = builtClient()
    const answer = await app.request('/assets/app.js')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await answer.text()).toBe('export {}')
  })

  it('serves an asset compressed as the browser accepts it (brotli, else gzip), and as it is otherwise', async () => {
    const { app } = builtClient()
    const asked = (acceptEncoding?: string) => app.request('/assets/big.js', { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })
    const brotli = await asked('gzip, deflate, br, zstd')
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('vary')).toContain('Accept-Encoding')
    expect(brotli.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(bigScript)

    const gzip = await asked('gzip, deflate')
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(bigScript)

    const plain = await asked()
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(bigScript)
  })

  it('refuses to start without a built client', () => {
    expect(() => spa(join(tmpdir(), 'no-such-client-dir'), { home })).toThrow(/The web client is not built .*run npm run build/)
    const dir = mkdtempSync(join(tmpdir(), 'flows-admin-spa-'))
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>')
    expect(() => spa(dir, { home })).toThrow(/has no <!--app-html-->: build it again/)
  })
})
