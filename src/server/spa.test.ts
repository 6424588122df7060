import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from './app-env'
import { spa } from './spa'

const home = { accountId: '5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19', channelId: '3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84' }
const other = '7b1d9c4e-2a6f-4e8b-b3c5-9d0e1f2a3b4c'

function builtClient() {
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-spa-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {}')
  const app = new Hono<AppEnv>()
  spa(dir, { home })(app)
  return app
}

/** The preloads the page names, in order. */
async function preloads(app: Hono<AppEnv>, path: string) {
  const answer = await app.request(path)
  expect(answer.status).toBe(200)
  const html = await answer.text()
  const head = html.slice(0, html.indexOf('</head>'))
  return [...head.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]*)">/g)].map((match) => match[1])
}

describe('the page the server serves', () => {
  const app = builtClient()
  const api = (channelId: string) => `/api/v1/accounts/${home.accountId}/channels/${channelId}`

  it("preloads the first page's reads: for / the first channel's list and templates", async () => {
    expect(await preloads(app, '/')).toEqual(['/api/config', `${api(home.channelId)}/flows?limit=1000`, `${api(home.channelId)}/templates`])
    const answer = await app.request('/')
    expect(answer.headers.get('cache-control')).toBe('no-cache')
  })

  it('for a flows page, the channel it names; for any other page, only the configuration', async () => {
    expect(await preloads(app, `/accounts/${home.accountId}/channels/${other}/flows`)).toEqual(['/api/config', `${api(other)}/flows?limit=1000`, `${api(other)}/templates`])
    expect(await preloads(app, '/lookup/abc')).toEqual(['/api/config'])
    expect(await preloads(app, `/accounts/${home.accountId}/channels/${other}/deleted`)).toEqual(['/api/config'])
    // Not well-formed ids: nothing of the address goes into the page.
    expect(await preloads(app, `/accounts/${home.accountId}/channels/%22%3E%3Cscript%3E/flows`)).toEqual(['/api/config'])
    expect(await preloads(app, '/accounts/%ZZ/channels/x/flows')).toEqual(['/api/config'])
  })

  it('serves the hashed assets as files, cached for a year', async () => {
    const answer = await app.request('/assets/app.js')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await answer.text()).toBe('export {}')
  })

  it('refuses to start without a built client', () => {
    expect(() => spa(join(tmpdir(), 'no-such-client-dir'), { home })).toThrow(/The web client is not built .*run npm run build/)
  })
})
