import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { refusalReason, refusalsFor } from '../../shared/roles'
import { loadConfig } from '../config'
import type { AppConfig } from '../../shared/flow'
import { createApp } from '../app'
import { createUpstreamClient } from '../upstream/client'
import { accountId, channelId, fakeUpstream, json, liveConfig, memoryAudit, memoryLog, otherChannelId, readError } from '../test-support'
import { accessFrom, roleIn } from './access'
import { groupsIn } from './authenticate'
import { parseRoleMap } from './role-map'
import { configErrorFor } from '../config-test-support'

const live = {
  EIGHTX8_API_KEY: 'k3y-Secret_value',
  EIGHTX8_ACCOUNT_ID: accountId,
  EIGHTX8_CHANNELS: `${channelId}=Retail,${otherChannelId}=Staging`,
  AUTH_MODE: 'header',
  TRUSTED_PROXIES: '10.0.0.5',
}

describe('roles in the configuration', () => {
  it('ROLE_MAP maps groups to roles, some for named channels only', () => {
    const { roles } = loadConfig({ ...live, ROLE_MAP: `flows-admins=admin, helpdesk=support, stage=publisher@${otherChannelId}`, DEFAULT_ROLE: 'none' })
    expect(roles.groups.get('helpdesk')).toEqual([{ role: 'support' }])
    expect(roles.groups.get('stage')).toEqual([{ role: 'publisher', channels: [otherChannelId] }])
    expect(roles.defaultRole).toBe('none')
    expect(roles.groupsHeader).toBe('X-Forwarded-Groups')
  })

  it.each([
    [{ ROLE_MAP: 'helpdesk=boss' }, 'ROLE_MAP: "boss" is not a role (viewer, support, editor, publisher, admin)'],
    [{ ROLE_MAP: 'helpdesk' }, 'ROLE_MAP: "helpdesk" is not group=role or group=role@<channel id>|<channel id>'],
    [{ ROLE_MAP: 'stage=publisher@nowhere' }, 'ROLE_MAP: "stage=publisher@nowhere" names channel "nowhere", which is not configured (EIGHTX8_CHANNELS)'],
    [{ DEFAULT_ROLE: 'root' }, 'DEFAULT_ROLE: "root" is not a role (viewer, support, editor, publisher, admin)'],
    [{ AUTH_GROUPS_HEADER: 'X Groups' }, 'AUTH_GROUPS_HEADER: must be an HTTP header name'],
  ])('stops start-up with one line naming the setting: %o', (env, message) => {
    expect(configErrorFor({ ...live, ...env })).toBe(message)
  })

  it('without sign-in there are no roles to give: the one local user is admin', () => {
    expect(configErrorFor({ ROLE_MAP: 'helpdesk=support' })).toMatch(/^ROLE_MAP: roles need sign-in/)
    expect(loadConfig({}).roles.defaultRole).toBe('admin')
  })

  it('DEFAULT_ROLE is admin while no roles are given (as before roles), viewer once they are', () => {
    expect(loadConfig(live).roles.defaultRole).toBe('admin')
    expect(loadConfig({ ...live, ROLE_MAP: 'helpdesk=support' }).roles.defaultRole).toBe('viewer')
  })

  it('an operators file line may end in a role', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flows-admin-ops-')), 'operators')
    const hash = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U='
    writeFileSync(file, `dana:${hash}:publisher\nlee:${hash}\n`)
    const config = loadConfig({ ...live, AUTH_MODE: 'basic', OPERATORS_FILE: file })
    expect(config.auth.mode === 'basic' && config.auth.operatorRoles?.get('dana')).toBe('publisher')
    expect(config.roles.defaultRole).toBe('viewer')
    writeFileSync(file, `dana:${hash}:boss\n`)
    expect(configErrorFor({ ...live, AUTH_MODE: 'basic', OPERATORS_FILE: file })).toMatch(/line 1: the role after the hash must be one of viewer, support/)
  })
})

describe('who gets which role', () => {
  const channels = liveConfig().channels
  const groups = parseRoleMap(`editors=editor,helpdesk=support,stage=publisher@${otherChannelId}`, channels)

  it('groups as proxies send them: commas, pipes, repeated headers', () => {
    expect(groupsIn('a, b|c,,d ')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('the highest role of the groups wins; a scoped one only in its channels', () => {
    const access = accessFrom([...(groups.get('helpdesk') ?? []), ...(groups.get('stage') ?? [])], 'none', channels)!
    expect(roleIn(access, channelId)).toBe('support')
    expect(roleIn(access, otherChannelId)).toBe('publisher')
    expect(roleIn(access)).toBe('publisher')
    expect(accessFrom([], 'none', channels)).toBeUndefined()
    expect(accessFrom([], 'viewer', channels)).toEqual({ role: 'viewer', channelRoles: {} })
  })

  it('a refusal says what is needed and what the person is', () => {
    expect(refusalReason('publish', 'editor')).toBe('Publishing needs the publisher role; you are an editor')
    expect(Object.keys(refusalsFor('admin'))).toEqual([])
    expect(Object.keys(refusalsFor('support'))).toEqual(['edit', 'delete', 'publish', 'deprecate', 'deleteWithoutCopy', 'bulk'])
  })

  it('a signed-in person with no role is refused with why; /api/config tells the browser the rest', async () => {
    const config = { ...liveConfig(), auth: { mode: 'header' as const, header: 'X-Forwarded-User', trustedProxies: ['10.0.0.5'] }, roles: { groups, defaultRole: 'none' as const, groupsHeader: 'X-Forwarded-Groups' } }
    const app = createApp({ config, upstream: createUpstreamClient({ ...config.upstream, fetch: fakeUpstream(() => json({})).fetch }), logger: memoryLog().logger, audit: memoryAudit(), remoteAddress: () => '10.0.0.5' })
    const refused = await app.request('/api/config', { headers: { 'x-forwarded-user': 'sam', 'x-forwarded-groups': 'marketing' } })
    expect(refused.status).toBe(403)
    expect((await readError(refused)).message).toMatch(/^sam is signed in, but has no role in Flows Admin/)
    const told = (await (await app.request('/api/config', { headers: { 'x-forwarded-user': 'kim', 'x-forwarded-groups': 'helpdesk|stage' } })).json()) as AppConfig
    expect(told.role).toBe('support')
    expect(told.refusals[channelId]?.['publish']).toBe('Publishing needs the publisher role; you are support staff')
    expect(told.refusals[otherChannelId]?.['publish']).toBeUndefined()
    expect(told.refusals[otherChannelId]?.['deleteWithoutCopy']).toBe('Deleting without keeping a copy needs the admin role; you are a publisher')
    expect(told.refusals['*']).toBeDefined()
    // Opening the page itself: a page that says why (the name as text, never markup).
    const page = await app.request('/', { headers: { 'x-forwarded-user': '<b>sam</b>', 'x-forwarded-groups': 'marketing', accept: 'text/html' } })
    expect(page.status).toBe(403)
    const html = await page.text()
    expect(html).toContain('<h1>No access to Flows Admin</h1>')
    expect(html).toContain('&#60;b&#62;sam&#60;/b&#62; is signed in, but has no role')
    expect(html).not.toContain('<b>sam')
  })
})
