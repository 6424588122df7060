import type { Channel } from '../shared/flow'
import type { Role } from '../shared/roles'

// What the server's configuration is once checked: its shape, its error, and the loopback rule.

/** 8x8's regional hosts (the OpenAPI file's `servers`). */
export const regionBaseUrls = {
  apac: 'https://chatapps.8x8.com',
  us: 'https://chatapps.us.8x8.com',
  eu: 'https://chatapps.8x8.uk',
  id: 'https://chatapps.8x8.id',
} as const

/** A role given by a group (or an operator's line), to every channel or to the ones named. */
export type RoleGrant = { role: Role; channels?: string[] }

export type RolesConfig = {
  /** ROLE_MAP: each group's grants. */
  groups: Map<string, RoleGrant[]>
  /** A signed-in person with no grant (no mapped group, no role on their line): a role, or `none` (refused). */
  defaultRole: Role | 'none'
  /** AUTH_MODE=header: the header with the person's groups (oauth2-proxy's X-Forwarded-Groups). */
  groupsHeader: string
  /** AUTH_MODE=header, optional: a header with the person's role, for proxies that send one. */
  roleHeader?: string
}

export type AuthConfig =
  | { mode: 'none' }
  | { mode: 'basic'; operatorsFile: string; operators: Map<string, string>; /** The role on each operator's line, where it has one. */ operatorRoles?: Map<string, Role> }
  | { mode: 'header'; header: string; trustedProxies: string[] }

export type ServerConfig = {
  host: string
  port: number
  auth: AuthConfig
  /** Who may do what: ROLE_MAP, DEFAULT_ROLE and the headers they come in. */
  roles: RolesConfig
  /** The hosts (Host header) this server answers to with AUTH_MODE basic or header; unset: any. */
  allowedHosts?: string[]
  mode: 'sandbox' | 'live'
  accountId: string
  channels: Channel[]
  upstream: {
    /** Live: 8x8's host. Sandbox: unused, requests go to the in-process emulator. */
    baseUrl: string
    /** Kept in the server process only; never logged, never sent to the browser. */
    apiKey: string
    timeoutMs: number
    /** 8x8 allows about 100 flow-configuration requests a minute per key; the proxy stays under it. 0: no limiter. */
    rateLimitPerMinute: number
    /**
     * How long a channel's list and templates, once read from 8x8, answer further reads on this
     * instance (page loads, the browser's refetches); this instance's changes and Refresh read anew. 0: never reused.
     */
    listReuseMs: number
  }
  /**
   * Where the server keeps its memory (audit trail, failed requests): `file:…` (SQLite), `:memory:`
   * (the sandbox's default: its flows come back at every restart, so its records go with them) or
   * `postgres://…` (several instances).
   */
  databaseUrl: string
  /** How long failed requests are kept for support's lookups. */
  retentionDays: number
  /** The JSON Lines audit file of earlier versions, imported once if it exists. */
  legacyAuditLog: string | null
  /** Sandbox only: delay before each emulated answer, so loading and pending states show. */
  sandboxLatencyMs: number
  /** Sandbox only: fill the first channel up to this many flows (for trying the console at scale). */
  sandboxFlows?: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}
