import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { readPageState } from '../../app/page-state'
import type { AppConfig } from '../../shared/flow'
import { createApp } from '../app'
import type { AppEnv } from '../app-env'
import type { AuthConfig, ServerConfig } from '../config'
import { spa } from '../spa'
import * as live from '../test-support'
import { createUpstreamClient, type UpstreamClientOptions } from '../upstream/client'

// A built client in a temp folder and the pages spa.ts serves from it, for the page tests.

export const home = { accountId: '5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19', channelId: '3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84' }
export const other = '7b1d9c4e-2a6f-4e8b-b3c5-9d0e1f2a3b4c'
export const appConfig: AppConfig = {
  mode: 'sandbox',
  accountId: home.accountId,
  channels: [{ id: home.channelId, name: 'Acme Retail' }],
  auth: 'basic',
  operator: null,
  upstreamTimeoutMs: 10_000,
  retentionDays: 90,
  keepsDeletedFlows: true,
  role: 'admin',
  refusals: {},
}

export const bigScript = `export const names = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `Campaign ${i}`))}\n`
const template =
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script><link rel="stylesheet" crossorigin href="/assets/app.css"></head><body><div id="root"><!--app-html--></div></body></html>'
export const styles = '.flows-table { border: 0 }'

export type Answer = () => Response | Promise<Response>
export const flows = [
  { id: '1001', name: 'Spring sale survey', status: 'DRAFT' },
  { id: '1002', name: 'Loan Collection', status: 'PUBLISHED' },
]
const listed: Answer = () => Response.json({ flows })

const noTemplates: Answer = () => Response.json({ templates: [] })

export function builtClient({ list = listed, templates = noTemplates, waitMs, framesSelf }: { list?: Answer; templates?: Answer; waitMs?: number; framesSelf?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-spa-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), template)
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {}')
  writeFileSync(join(dir, 'assets', 'app.css'), styles)
  // As the build writes them (vite.config.ts): each asset beside its brotli and gzip forms.
  writeFileSync(join(dir, 'assets', 'big.js'), bigScript)
  writeFileSync(join(dir, 'assets', 'big.js.br'), brotliCompressSync(bigScript))
  writeFileSync(join(dir, 'assets', 'big.js.gz'), gzipSync(bigScript))
  mkdirSync(join(dir, '.vite'))
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{"src/main.tsx":{"file":"assets/app.js"}}')
  const app = new Hono<AppEnv>()
  const reads: string[] = []
  const logged: unknown[] = []
  // The operator comes from the request, as sign-in sets it (here a header stands in for it).
  spa(dir, { home, waitMs, framesSelf })(app, {
    appConfig: (c) => ({ ...appConfig, operator: c.req.header('x-test-operator') ?? null }),
    read: async (_c, path) => {
      reads.push(path)
      return path.endsWith('/templates') ? templates() : list()
    },
    logger: { error: (...args: unknown[]) => void logged.push(args) },
  })
  return { app, reads, logged }
}

/** The page's state block, as the browser reads it (app/page-state.ts). */
export function stateOf(html: string) {
  const json = /<script type="application\/json" id="flows-admin-state">(.*?)<\/script>/s.exec(html)?.[1]
  const doc = { getElementById: (id: string) => (id === 'flows-admin-state' && json !== undefined ? { textContent: json } : null) } as unknown as Document
  return readPageState(doc)
}

export const flowsPage = (channelId = home.channelId) => `/accounts/${home.accountId}/channels/${channelId}/flows`
export const listKey = (channelId = home.channelId) => JSON.stringify(['flows', 'list', { accountId: home.accountId, channelId }])
export const templatesKey = (channelId = home.channelId) => JSON.stringify(['flows', 'templates', { accountId: home.accountId, channelId }])

const proxyAuth: AuthConfig = { mode: 'header', header: 'X-Forwarded-User', trustedProxies: ['10.0.0.5'] }

/**
 * The whole app in live mode with its pages (a minimal built client), behind a sign-in proxy at
 * 10.0.0.5 (X-Forwarded-User), in front of a fake 8x8 with one draft and no templates.
 */
export function pageApp(remoteAddress: string, overrides: Partial<ServerConfig> = {}, clientOptions: Partial<UpstreamClientOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'flows-admin-pages-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body><div id="root"><!--app-html--></div></body></html>')
  const config: ServerConfig = { ...live.liveConfig(), auth: proxyAuth, ...overrides }
  const upstream = live.fakeUpstream((request) =>
    new URL(request.url).pathname.endsWith('/flows') ? live.json({ flows: [{ id: '1444000000000001', name: 'Live draft', status: 'DRAFT' }] }) : live.json({ templates: [] }),
  )
  const log = live.memoryLog()
  const app = createApp({
    config,
    upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch, ...clientOptions }),
    logger: log.logger,
    audit: live.memoryAudit(),
    remoteAddress: () => remoteAddress,
    spa: spa(dir, { home: { accountId: live.accountId, channelId: live.channelId } }),
  })
  return { app, upstream, log }
}
