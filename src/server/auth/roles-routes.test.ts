import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proxyErrorCodes } from '../../shared/error-codes'
import { roles, type Role } from '../../shared/roles'
import { createApp } from '../app'
import { openStore } from '../store/open-store'
import type { Store } from '../store/open-store'
import { accountId, channelId, fakeUpstream, json, liveConfig, memoryAudit, memoryLog, otherChannelId, readError } from '../test-support'
import { createUpstreamClient } from '../upstream/client'
import { parseRoleMap } from './role-map'

// Every API route × every role × a role for every channel or for one only: the server refuses what a
// role may not do with 403 FORBIDDEN_ROLE, and nothing of it reaches 8x8.

const proxy = '10.0.0.5'
const flowId = '1620387745519023'
const channelIds = [channelId, otherChannelId]
const config = liveConfig()
const groups = parseRoleMap(
  [...roles.map((role) => `${role}s=${role}`), ...roles.map((role) => `${role}s-of-one=${role}@${channelId}`)].join(','),
  config.channels,
)

let store: Store
beforeAll(async () => {
  store = await openStore(':memory:')
})
afterAll(async () => {
  await store.close()
})

function appFor() {
  const upstream = fakeUpstream(() => json({}))
  const audit = memoryAudit()
  const app = createApp({
    config: { ...config, auth: { mode: 'header', header: 'X-Forwarded-User', trustedProxies: [proxy] }, roles: { groups, defaultRole: 'none', groupsHeader: 'X-Forwarded-Groups' } },
    upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch, retry: { attempts: 1, baseMs: 1, capMs: 1 } }),
    logger: memoryLog().logger,
    audit,
    store,
    remoteAddress: () => proxy,
  })
  return { app, upstream, audit }
}

type RouteCase = { name: string; method: string; path: (channel: string) => string; least: Role; headers?: Record<string, string>; body?: unknown }

const base = (channel: string) => `/api/v1/accounts/${accountId}/channels/${channel}`
const routes: RouteCase[] = [
  { name: 'list flows', method: 'GET', path: (c) => `${base(c)}/flows`, least: 'viewer' },
  { name: 'flow details', method: 'GET', path: (c) => `${base(c)}/flows/${flowId}`, least: 'viewer' },
  { name: 'flow JSON', method: 'GET', path: (c) => `${base(c)}/flows/${flowId}/json`, least: 'viewer' },
  { name: 'preview link', method: 'GET', path: (c) => `${base(c)}/flows/${flowId}/preview`, least: 'viewer' },
  { name: 'templates', method: 'GET', path: (c) => `${base(c)}/templates`, least: 'viewer' },
  { name: 'versions', method: 'GET', path: (c) => `${base(c)}/flows/${flowId}/versions`, least: 'viewer' },
  { name: 'a version', method: 'GET', path: (c) => `${base(c)}/flows/${flowId}/versions/00000000-0000-4000-8000-000000000001/json`, least: 'viewer' },
  { name: 'deleted flows', method: 'GET', path: (c) => `${base(c)}/deleted-flows`, least: 'viewer' },
  { name: 'a deleted copy', method: 'GET', path: (c) => `${base(c)}/deleted-flows/00000000-0000-4000-8000-000000000001/json`, least: 'viewer' },
  { name: 'recent activity', method: 'GET', path: (c) => `${base(c)}/audit`, least: 'support' },
  { name: 'create', method: 'POST', path: (c) => `${base(c)}/flows`, least: 'editor', body: { name: 'New', categories: ['OTHER'] } },
  { name: 'save', method: 'PUT', path: (c) => `${base(c)}/flows/${flowId}`, least: 'editor', body: { name: 'Renamed' } },
  { name: 'delete with a copy', method: 'DELETE', path: (c) => `${base(c)}/flows/${flowId}`, least: 'editor' },
  { name: 'restore a deleted copy', method: 'POST', path: (c) => `${base(c)}/deleted-flows/00000000-0000-4000-8000-000000000001/restore`, least: 'editor' },
  { name: 'publish', method: 'POST', path: (c) => `${base(c)}/flows/${flowId}/publish`, least: 'publisher' },
  { name: 'deprecate', method: 'POST', path: (c) => `${base(c)}/flows/${flowId}/deprecate`, least: 'publisher' },
  { name: 'delete without a copy', method: 'DELETE', path: (c) => `${base(c)}/flows/${flowId}`, least: 'admin', headers: { 'x-backup': 'none' } },
  { name: 'a bulk run’s delete', method: 'DELETE', path: (c) => `${base(c)}/flows/${flowId}`, least: 'admin', headers: { 'x-bulk-run': '1' } },
  { name: 'a bulk run’s restore', method: 'POST', path: (c) => `${base(c)}/deleted-flows/00000000-0000-4000-8000-000000000001/restore`, least: 'admin', headers: { 'x-bulk-run': '1' } },
]
const unscopedRoutes: RouteCase[] = [
  { name: 'lookup', method: 'GET', path: () => '/api/v1/lookup/3f1c9a52-7e4b-4d1a-9c8f-2b6e0d4a7c13', least: 'support' },
  { name: 'audit export', method: 'GET', path: () => '/api/v1/audit/export', least: 'support' },
]

const allowed = (role: Role, least: Role) => roles.indexOf(role) >= roles.indexOf(least)

async function ask(app: ReturnType<typeof appFor>['app'], route: RouteCase, channel: string, group: string) {
  return app.request(route.path(channel), {
    method: route.method,
    headers: {
      'x-forwarded-user': 'dana',
      'x-forwarded-groups': group,
      'x-requested-with': 'XMLHttpRequest',
      ...(route.body ? { 'content-type': 'application/json' } : {}),
      ...route.headers,
    },
    body: route.body ? JSON.stringify(route.body) : undefined,
  })
}

/** What a request got: allowed (anything but a role refusal), or refused with what the refusal carried. */
async function outcome(app: ReturnType<typeof appFor>['app'], route: RouteCase, channel: string, group: string, seen: ReturnType<typeof appFor>) {
  const response = await ask(app, route, channel, group)
  if (response.status !== 403) return 'allowed'
  const body = await readError(response)
  const audited = seen.audit.entries.some((entry) => entry.result === 'refused' && entry.errorId === body.errorId && entry.operator === 'dana' && entry.role !== undefined)
  return `refused ${body.code}: ${body.message?.includes(`needs the ${route.least} role`) ? 'names the role' : body.message}; ${seen.upstream.calls.length} calls to 8x8${route.method === 'GET' || audited ? '' : '; not audited'}`
}

const refusal = `refused ${proxyErrorCodes.forbiddenRole}: names the role; 0 calls to 8x8`

describe.each(roles)('a %s', (role) => {
  it.each(routes)('$name: in every channel as the role allows; a role for one channel only there', async (route) => {
    const got: string[] = []
    const expected: string[] = []
    for (const [group, scoped] of [[`${role}s`, false], [`${role}s-of-one`, true]] as const) {
      for (const channel of channelIds) {
        const seen = appFor()
        // Scoped to the first channel: elsewhere this person has the least role (a grant let them in).
        const effective: Role = scoped && channel !== channelId ? 'viewer' : role
        const where = `${route.name} as ${effective} in ${channel === channelId ? 'the first' : 'the other'} channel`
        got.push(`${where}: ${await outcome(seen.app, route, channel, group, seen)}`)
        expected.push(`${where}: ${allowed(effective, route.least) ? 'allowed' : refusal}`)
      }
    }
    expect(got).toEqual(expected)
  })

  it.each(unscopedRoutes)('$name: as the highest role held anywhere allows', async (route) => {
    const got: string[] = []
    for (const group of [`${role}s`, `${role}s-of-one`]) {
      const seen = appFor()
      got.push(await outcome(seen.app, route, channelId, group, seen))
    }
    expect(got).toEqual([allowed(role, route.least) ? 'allowed' : refusal, allowed(role, route.least) ? 'allowed' : refusal])
  })
})

describe('every API route declares its permission', () => {
  it('no route of /api/v1 answers without a role check', () => {
    const { app } = appFor()
    const byRoute = new Map<string, boolean>()
    for (const route of app.routes) {
      if (!route.path.startsWith('/api/v1/') || route.method === 'ALL') continue
      const key = `${route.method} ${route.path}`
      byRoute.set(key, (byRoute.get(key) ?? false) || 'permission' in route.handler)
    }
    expect(byRoute.size).toBeGreaterThan(15)
    expect([...byRoute].filter(([, guarded]) => !guarded).map(([key]) => key)).toEqual([])
  })
})
