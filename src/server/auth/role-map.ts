import { isRole, roles, type Role } from '../../shared/roles'
import type { Channel } from '../../shared/flow'
import { ConfigError, type RoleGrant, type RolesConfig } from '../config-types'

const roleList = roles.join(', ')

/** A role named in a setting, or a one-line error naming the setting. */
export function roleNamed(setting: string, value: string): Role {
  if (!isRole(value)) throw new ConfigError(`${setting}: "${value}" is not a role (${roleList})`)
  return value
}

/**
 * ROLE_MAP: `group=role`, comma-separated; a role may end in `@<channel id>|<channel id>` to apply to
 * those channels only (`flows-admins=admin,stage-publishers=publisher@staging-id,helpdesk=support`).
 */
export function parseRoleMap(raw: string | undefined, channels: Channel[]): Map<string, RoleGrant[]> {
  const groups = new Map<string, RoleGrant[]>()
  if (raw === undefined) return groups
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([^=@|\s]+)=([a-z]+)(?:@(.+))?$/.exec(entry)
    if (!match) throw new ConfigError(`ROLE_MAP: "${entry}" is not group=role or group=role@<channel id>|<channel id>`)
    const [, group, roleName, scope] = match
    const role = roleNamed('ROLE_MAP', roleName)
    const named = scope?.split('|').map((id) => id.trim())
    const unknown = named?.find((id) => !channels.some((channel) => channel.id === id))
    if (unknown !== undefined) throw new ConfigError(`ROLE_MAP: "${entry}" names channel "${unknown}", which is not configured (EIGHTX8_CHANNELS)`)
    groups.set(group, [...(groups.get(group) ?? []), named ? { role, channels: named } : { role }])
  }
  return groups
}

/**
 * DEFAULT_ROLE: a role or `none`. Unset: `admin` while no roles are given anywhere (every signed-in
 * person may do everything, as before roles), else `viewer`.
 */
export function parseDefaultRole(raw: string | undefined, rolesInUse: boolean): Role | 'none' {
  if (raw === undefined) return rolesInUse ? 'viewer' : 'admin'
  return raw === 'none' ? 'none' : roleNamed('DEFAULT_ROLE', raw)
}

/** No roles configured: every signed-in person may do everything (as before roles). */
export const noRoles: RolesConfig = { groups: new Map(), defaultRole: 'admin', groupsHeader: 'X-Forwarded-Groups' }
