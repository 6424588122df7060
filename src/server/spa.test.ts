import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { configElementId } from '../shared/first-page'
import type { AppConfig } from '../shared/flow'
import type { AppEnv } from './app-env'
import { spa } from './spa'

const home = { accountId: '5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19', channelId: '3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84' }
const other = '7b1d9c4e-2a6f-4e8b-b3c5-9d0e1f2a3b4c'
const appConfig: AppConfig = {
  mode: 'sandbox',
  accountId: home.accountId,
  channels: [{ id: home.channelId, name: 'Acme Retail' }],
  auth: 'basic',
  operator: null,
  upstreamTimeoutMs: 10_000,
  retentionDays: 90,
  keepsDeletedFlows: true,
}

const bigScript = `export const names = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `Campaign ${i}`))}\n`

function builtClient() {
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-spa-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {}')
  // As the build writes them (vite.config.ts): each asset beside its brotli and gzip forms.
  writeFileSync(join(dir, 'assets', 'big.js'), bigScript)
  writeFileSync(join(dir, 'assets', 'big.js.br'), brotliCompressSync(bigScript))
  writeFileSync(join(dir, 'assets', 'big.js.gz'), gzipSync(bigScript))
  const app = new Hono<AppEnv>()
  // The operator comes from the request, as sign-in sets it (here a header stands in for it).
  spa(dir, { home })(app, { appConfig: (c) => ({ ...appConfig, operator: c.req.header('x-test-operator') ?? null }) })
  return app
}

async function head(app: Hono<AppEnv>, path: string, headers?: Record<string, string>) {
  const answer = await app.request(path, { headers })
  expect(answer.status).toBe(200)
  const html = await answer.text()
  return html.slice(0, html.indexOf('</head>'))
}

/** The preloads the page names, in order. */
async function preloads(app: Hono<AppEnv>, path: string) {
  return [...(await head(app, path)).matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]*)">/g)].map((match) => match[1])
}

/** The data blocks in the page's head: [id, text] each. */
async function dataBlocks(app: Hono<AppEnv>, path: string, headers?: Record<string, string>) {
  return [...(await head(app, path, headers)).matchAll(/<script type="application\/json" id="([^"]*)">(.*?)<\/script>/gs)].map((match) => [match[1], match[2]])
}

describe('the page the server serves', () => {
  const app = builtClient()
  const api = (channelId: string) => `/api/v1/accounts/${home.accountId}/channels/${channelId}`

  it("preloads the first page's reads: for / the first channel's list and templates", async () => {
    expect(await preloads(app, '/')).toEqual([`${api(home.channelId)}/flows?limit=1000`, `${api(home.channelId)}/templates`])
    const answer = await app.request('/')
    expect(answer.headers.get('cache-control')).toBe('no-cache')
  })

  it('for a flows page, the channel it names; for any other page, nothing', async () => {
    expect(await preloads(app, `/accounts/${home.accountId}/channels/${other}/flows`)).toEqual([`${api(other)}/flows?limit=1000`, `${api(other)}/templates`])
    expect(await preloads(app, '/lookup/abc')).toEqual([])
    expect(await preloads(app, `/accounts/${home.accountId}/channels/${other}/deleted`)).toEqual([])
    // Not well-formed ids: nothing of the address goes into the page.
    expect(await preloads(app, `/accounts/${home.accountId}/channels/%22%3E%3Cscript%3E/flows`)).toEqual([])
    expect(await preloads(app, '/accounts/%ZZ/channels/x/flows')).toEqual([])
  })

  it('writes the configuration into every page, as /api/config would answer the same request', async () => {
    for (const path of ['/', '/lookup/abc', `/accounts/${home.accountId}/channels/${other}/deleted`]) {
      const blocks = await dataBlocks(app, path, { 'x-test-operator': 'ana' })
      expect(blocks.map(([id]) => id)).toEqual([configElementId])
      expect(JSON.parse(blocks[0][1])).toEqual({ ...appConfig, operator: 'ana' })
    }
  })

  it('no text in the configuration can end its element or open a comment', async () => {
    const operator = '</script><script>alert(1)</script><!-- </SCRIPT'
    const blocks = await dataBlocks(app, '/', { 'x-test-operator': operator })
    expect(blocks).toHaveLength(1)
    expect(blocks[0][1]).not.toContain('<')
    expect(JSON.parse(blocks[0][1]).operator).toBe(operator)
  })

  it('serves the hashed assets as files, cached for a year', async () => {
    const answer = await app.request('/assets/app.js')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await answer.text()).toBe('export {}')
  })

  it('serves an asset compressed as the browser accepts it (brotli, else gzip), and as it is otherwise', async () => {
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
  })
})
