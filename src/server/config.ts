import { sandboxSeed } from './sandbox/seed'
import { envSchema, type Env } from './config-env'
import { parseDefaultRole, parseRoleMap } from './auth/role-map'
import { parseAllowedHosts, parseAuth, parseBaseUrl, parseChannels } from './config-parts'
import { ConfigError, regionBaseUrls, type RolesConfig, type ServerConfig } from './config-types'

export { ConfigError, isLoopback, regionBaseUrls, type AuthConfig, type ServerConfig } from './config-types'
export { parseChannels } from './config-parts'

/**
 * Reads the environment once, at start-up. Throws ConfigError with one line that names the variable
 * and what is wrong; the caller prints it and exits before listening.
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const { e, config } = loadWithoutRoles(env)
  const groups = parseRoleMap(e.ROLE_MAP, config.channels)
  const rolesInUse = groups.size > 0 || e.AUTH_ROLE_HEADER !== undefined || (config.auth.mode === 'basic' && (config.auth.operatorRoles?.size ?? 0) > 0)
  const roles: RolesConfig = { groups, defaultRole: parseDefaultRole(e.DEFAULT_ROLE, rolesInUse), groupsHeader: e.AUTH_GROUPS_HEADER, roleHeader: e.AUTH_ROLE_HEADER }
  if (config.auth.mode === 'none' && (groups.size > 0 || e.DEFAULT_ROLE !== undefined)) {
    throw new ConfigError('ROLE_MAP: roles need sign-in (AUTH_MODE=basic or header); without it the one local user is admin')
  }
  return { ...config, roles }
}

function loadWithoutRoles(env: Record<string, string | undefined>): { e: Env; config: Omit<ServerConfig, 'roles'> } {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`)
  }
  const e = parsed.data
  const auth = parseAuth(e)
  const base = {
    host: e.HOST,
    port: e.PORT,
    auth,
    allowedHosts: parseAllowedHosts(e, auth),
    retentionDays: e.RETENTION_DAYS,
    sandboxLatencyMs: e.SANDBOX_LATENCY_MS,
    sandboxFlows: e.SANDBOX_FLOWS,
  }

  if (e.EIGHTX8_API_KEY === undefined) {
    const liveOnly = (['EIGHTX8_ACCOUNT_ID', 'EIGHTX8_CHANNELS', 'EIGHTX8_BASE_URL', 'EIGHTX8_REGION'] as const).filter(
      (name) => e[name] !== undefined,
    )
    if (liveOnly.length > 0) {
      // Running on sandbox data while the operator believes they are live would be worse than not starting.
      throw new ConfigError(
        `EIGHTX8_API_KEY: is not set, but ${liveOnly.join(', ')} ${liveOnly.length > 1 ? 'are' : 'is'} (set the key for live mode, or unset ${liveOnly.length > 1 ? 'them' : 'it'} for the sandbox)`,
      )
    }
    return {
      e,
      config: {
      ...base,
      databaseUrl: e.DATABASE_URL ?? ':memory:',
      legacyAuditLog: e.AUDIT_LOG ?? null,
      mode: 'sandbox',
      accountId: sandboxSeed.accountId,
      channels: sandboxSeed.channels.map(({ id, name }) => ({ id, name })),
      upstream: {
        baseUrl: 'http://sandbox.invalid',
        apiKey: sandboxSeed.apiKey,
        timeoutMs: e.EIGHTX8_TIMEOUT_MS,
        rateLimitPerMinute: e.EIGHTX8_RATE_LIMIT_PER_MINUTE,
        listReuseMs: e.EIGHTX8_LIST_REUSE_MS,
      },
      },
    }
  }

  if (e.EIGHTX8_ACCOUNT_ID === undefined) {
    throw new ConfigError('EIGHTX8_ACCOUNT_ID: is required in live mode (8x8 Connect shows it next to your API keys)')
  }
  if (e.EIGHTX8_CHANNELS === undefined) {
    throw new ConfigError(
      'EIGHTX8_CHANNELS: is required in live mode: comma-separated channel ids, optionally id=Display name (8x8 has no endpoint that lists channels)',
    )
  }
  if (e.EIGHTX8_BASE_URL !== undefined && e.EIGHTX8_REGION !== undefined) {
    throw new ConfigError('EIGHTX8_BASE_URL: set either EIGHTX8_BASE_URL or EIGHTX8_REGION, not both')
  }
  const baseUrl =
    e.EIGHTX8_BASE_URL !== undefined
      ? parseBaseUrl(e.EIGHTX8_BASE_URL)
      : regionBaseUrls[e.EIGHTX8_REGION ?? 'apac']

  return {
    e,
    config: {
    ...base,
    databaseUrl: e.DATABASE_URL ?? 'file:data/flows-admin.db',
    legacyAuditLog: e.AUDIT_LOG ?? 'data/audit.jsonl',
    mode: 'live',
    accountId: e.EIGHTX8_ACCOUNT_ID,
    channels: parseChannels(e.EIGHTX8_CHANNELS),
    upstream: {
      baseUrl,
      apiKey: e.EIGHTX8_API_KEY,
      timeoutMs: e.EIGHTX8_TIMEOUT_MS,
      rateLimitPerMinute: e.EIGHTX8_RATE_LIMIT_PER_MINUTE,
      listReuseMs: e.EIGHTX8_LIST_REUSE_MS,
    },
    },
  }
}
