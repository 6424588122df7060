/**
 * Who may do what: the one table the server enforces and the browser reads (from the configuration the
 * server sends) only to explain. Each role may do all that the roles before it may.
 */
export const roles = ['viewer', 'support', 'editor', 'publisher', 'admin'] as const
export type Role = (typeof roles)[number]

/** Each permission, the least role that has it, and how a refusal names it. */
export const permissionTable = {
  /** Flows, details, JSON, preview, history and comparisons, Deleted flows. */
  read: { role: 'viewer', doing: 'Seeing flows' },
  /** Error ID lookup, failed requests' details, Recent activity, the audit export. */
  support: { role: 'support', doing: 'Looking up Error IDs and activity' },
  /** Create, clone, edit and save drafts, restore versions and deleted flows, Undo. */
  edit: { role: 'editor', doing: 'Changing drafts' },
  /** Delete a draft, a copy kept first. */
  delete: { role: 'editor', doing: 'Deleting drafts' },
  publish: { role: 'publisher', doing: 'Publishing' },
  deprecate: { role: 'publisher', doing: 'Deprecating' },
  deleteWithoutCopy: { role: 'admin', doing: 'Deleting without keeping a copy' },
  /** Bulk delete, Restore all. */
  bulk: { role: 'admin', doing: 'Running in bulk (delete, Restore all)' },
} as const satisfies Record<string, { role: Role; doing: string }>

export type Permission = keyof typeof permissionTable

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value)

/** Whether `role` has `permission`. */
export const allows = (role: Role, permission: Permission) => roles.indexOf(role) >= roles.indexOf(permissionTable[permission].role)

/** The higher of two roles. */
export const higher = (a: Role, b: Role): Role => (roles.indexOf(a) >= roles.indexOf(b) ? a : b)

/** How a person of each role is named in a sentence ("you are an editor"). */
const person: Record<Role, string> = { viewer: 'a viewer', support: 'support staff', editor: 'an editor', publisher: 'a publisher', admin: 'an admin' }

/** Why `role` may not: "Publishing needs the publisher role; you are an editor". */
export function refusalReason(permission: Permission, role: Role): string {
  const { role: needed, doing } = permissionTable[permission]
  return `${doing} needs the ${needed} role; you are ${person[role]}`
}

/** What a person may not do, with the reason, for one channel: what the browser shows beside each action. */
export type Refusals = Partial<Record<Permission, string>>

export function refusalsFor(role: Role): Refusals {
  const refusals: Refusals = {}
  for (const permission of Object.keys(permissionTable) as Permission[]) if (!allows(role, permission)) refusals[permission] = refusalReason(permission, role)
  return refusals
}
