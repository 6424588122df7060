import { Writable } from 'node:stream'
import { createEmulator } from './sandbox/emulator'
import type { Seed } from './sandbox/seed'
import type { Store } from './store/open-store'
import { createApp } from './app'
import type { AuditEntry } from '../shared/audit'
import type { ErrorBody } from '../shared/error-body'
import type { AuditLog } from './audit/audit-log'
import type { ServerConfig } from './config'
import { createLogger } from './logger'
import { createUpstreamClient, type FetchLike, type UpstreamClientOptions } from './upstream/client'
import { noRoles } from './auth/role-map'

export const testKey = 'test-key-7f3a9c1e5b2d4f6a8c0e'
export const accountId = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a'
export const channelId = 'b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e'
export const otherChannelId = 'e1d2c3b4-a596-4878-b9a0-c1d2e3f4a5b6'
export const flowsUrl = `/api/v1/accounts/${accountId}/channels/${channelId}/flows`
export const upstreamBase = 'https://chatapps.example.test'

export function liveConfig(overrides: Partial<ServerConfig['upstream']> = {}): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    auth: { mode: 'none' },
    roles: noRoles,
    mode: 'live',
    accountId,
    channels: [
      { id: channelId, name: 'Retail' },
      { id: otherChannelId, name: 'Support' },
    ],
    upstream: { baseUrl: upstreamBase, apiKey: testKey, timeoutMs: 1000, rateLimitPerMinute: 100, listReuseMs: 10_000, ...overrides },
    databaseUrl: ':memory:',
    retentionDays: 90,
    legacyAuditLog: null,
    sandboxLatencyMs: 0,
  }
}

/** A fake 8x8: answers with `respond`, records what the proxy sent. */
export function fakeUpstream(respond: (request: Request) => Response | Promise<Response>) {
  const calls: Request[] = []
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init)
    calls.push(request)
    return respond(request)
  }
  return { fetch, calls }
}

/** Captures the proxy's JSON log lines in memory. */
export function memoryLog() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    },
  })
  const logger = createLogger(stream)
  return { logger, lines, text: () => lines.join('\n') }
}

/** The audit trail in memory; `failing` makes every append reject, as a full disk would. */
export function memoryAudit(): AuditLog & { entries: AuditEntry[]; failing: boolean } {
  const log = {
    entries: [] as AuditEntry[],
    failing: false,
    async append(entry: AuditEntry) {
      if (log.failing) throw new Error('ENOSPC: no space left on device')
      log.entries.push(entry)
    },
    async recent(scope: { accountId: string; channelId: string }, limit: number) {
      return log.entries
        .toReversed()
        .filter((entry) => entry.phase === 'outcome' && entry.accountId === scope.accountId && entry.channelId === scope.channelId)
        .slice(0, limit)
    },
    async close() {},
  }
  return log
}

export function buildApp(
  fetch: FetchLike,
  config: ServerConfig = liveConfig(),
  clientOptions: Partial<UpstreamClientOptions> = { random: () => 0 },
) {
  const log = memoryLog()
  const audit = memoryAudit()
  const upstream = createUpstreamClient({ ...config.upstream, fetch, ...clientOptions })
  const app = createApp({ config, upstream, logger: log.logger, audit })
  return { app, log, audit }
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

export const eightByEightError = (code: number, message: string) => ({
  code,
  message,
  errorId: '3f1c9a52-7e4b-4d1a-9c8f-2b6e0d4a7c13',
  timestamp: '2026-11-24T10:00:00.1234567+00:00',
})

export const readError = async (response: Response) => (await response.json()) as ErrorBody

/** Polls `check` every 5 ms for up to a second; fails the test if it never holds. */
export async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`never true within 1 s: ${String(check)}`)
}

/** The flow JSON that `answerBackupReads` serves. */
export const sampleFlowJson = '{\n  "version": "6.0",\n  "screens": [{ "id": "WELCOME", "terminal": true, "layout": { "type": "SingleColumnLayout", "children": [] } }]\n}\n'

/**
 * Answers the reads with which a delete keeps its copy first (the flow's details, then its JSON at the
 * address 8x8 gives, here on 8x8's own origin) and passes every other request to `respond`.
 */
export function answerBackupReads(respond: (request: Request) => Response | Promise<Response>) {
  return (request: Request) => {
    const { pathname } = new URL(request.url)
    if (request.method === 'GET' && pathname.startsWith('/cdn/')) return new Response(sampleFlowJson, { headers: { 'content-type': 'application/json' } })
    const flowId = request.method === 'GET' ? /\/flows\/([^/]+)$/.exec(pathname)?.[1] : undefined
    if (flowId !== undefined) {
      return json({ flowId, flowJsonUrl: `${upstreamBase}/cdn/${flowId}.json`, name: 'Old promo', status: 'DRAFT', categories: ['LEAD_GENERATION'] })
    }
    return respond(request)
  }
}

/** The requests that were not reads. */
export const writesOf = (calls: Request[]) => calls.filter((call) => call.method !== 'GET')

/**
 * What 8x8 does with a request it never answers (the caller times out): `applied` carries it out
 * first, `lost` never does, `late` does just before the next write reaches it.
 */
export type Silence = 'applied' | 'lost' | 'late'

/**
 * The app in live mode against the sandbox's emulator seeded with `seed`, on `store`, its calls to
 * 8x8 sent once (no retries); `record` sees each request to 8x8 first; `silent` names the requests
 * 8x8 never answers (within `timeoutMs`, 1 s by default).
 */
export function appOnEmulator(
  seed: Seed,
  store: Store,
  record?: (request: Request) => Promise<void> | void,
  { silent, timeoutMs }: { silent?: (request: Request) => Silence | undefined; timeoutMs?: number } = {},
) {
  const emulator = createEmulator({ seed, flowJsonBaseUrl: upstreamBase })
  const config = liveConfig(timeoutMs === undefined ? {} : { timeoutMs })
  const late: Request[] = []
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init)
    await record?.(request.clone())
    if (request.method !== 'GET') for (const kept of late.splice(0)) await emulator.fetch(kept)
    const silence = silent?.(request)
    if (silence === 'applied') await emulator.fetch(request.clone())
    if (silence === 'late') late.push(request.clone())
    // Ends when the client gives up: on the signal it passed, which its deadline holds (a Request's own
    // signal follows it only weakly, and a hung call may be collected before it fires).
    const givenUp = init?.signal
    if (silence) return new Promise<Response>((_resolve, reject) => givenUp?.addEventListener('abort', () => reject(givenUp.reason)))
    return emulator.fetch(request)
  }
  const upstream = createUpstreamClient({ ...config.upstream, fetch, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
  return createApp({ config, upstream, logger: memoryLog().logger, audit: store.audit, store })
}
