import { higher, refusalsFor, roles, type Refusals, type Role } from '../../shared/roles'
import type { Channel } from '../../shared/flow'
import type { RoleGrant } from '../config-types'

/** A signed-in person's roles: the one for every channel, and a higher one in the channels a scoped grant names. */
export type Access = { role: Role; channelRoles: Record<string, Role> }

/** Everything, everywhere: AUTH_MODE=none's one local user. */
export const fullAccess: Access = { role: 'admin', channelRoles: {} }

/**
 * The roles `grants` give (the highest wins; a scoped grant only in its channels). No grant at all:
 * `fallback` everywhere, or undefined when it is `none` (the person is refused).
 */
export function accessFrom(grants: RoleGrant[], fallback: Role | 'none', channels: Channel[]): Access | undefined {
  if (grants.length === 0) return fallback === 'none' ? undefined : { role: fallback, channelRoles: {} }
  const unscoped = grants.filter((grant) => !grant.channels)
  // Only scoped grants: elsewhere the default role (or viewer when the default is none: they were let in by a grant).
  const role = unscoped.reduce<Role>((best, grant) => higher(best, grant.role), unscoped.length > 0 ? roles[0] : fallback === 'none' ? roles[0] : fallback)
  const channelRoles: Record<string, Role> = {}
  for (const grant of grants) {
    for (const channelId of grant.channels ?? []) {
      if (channels.some((channel) => channel.id === channelId)) channelRoles[channelId] = higher(channelRoles[channelId] ?? role, grant.role)
    }
  }
  return { role, channelRoles }
}

/** The role in a channel, or (no channel: lookup, the audit export) the highest the person has anywhere. */
export function roleIn(access: Access, channelId?: string): Role {
  if (channelId !== undefined) return access.channelRoles[channelId] ?? access.role
  return Object.values(access.channelRoles).reduce(higher, access.role)
}

/** What the browser is told of a person's access: their role, and what they may not do where, with why. */
export function accessFacts(access: Access, channels: Channel[]): { role: Role; refusals: Record<string, Refusals> } {
  const refusals: Record<string, Refusals> = {}
  for (const [key, role] of [['*', roleIn(access)] as const, ...channels.map((channel) => [channel.id, roleIn(access, channel.id)] as const)]) {
    const refused = refusalsFor(role)
    if (Object.keys(refused).length > 0) refusals[key] = refused
  }
  return { role: access.role, refusals }
}
