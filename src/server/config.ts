import { z } from 'zod'
import type { Channel } from '../shared/flow'
import { isAccountId, isChannelId } from '../shared/ids'
import { readOperatorsFile } from './auth/operators-file'
import { sandboxSeed } from './sandbox/seed'

/** 8x8's regional hosts (the OpenAPI file's `servers`). */
export const regionBaseUrls = {
  apac: 'https://chatapps.8x8.com',
  us: 'https://chatapps.us.8x8.com',
  eu: 'https://chatapps.8x8.uk',
  id: 'https://chatapps.8x8.id',
} as const

export type AuthConfig =
  | { mode: 'none' }
  | { mode: 'basic'; operatorsFile: string; operators: Map<string, string> }
  | { mode: 'header'; header: string; trustedProxies: string[] }

export type ServerConfig = {
  host: string
  port: number
  auth: AuthConfig
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

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional())

/** An optional whole number in [min, max]; one message for every way it can be wrong. */
function wholeNumber({ min, max, fallback, unit = '' }: { min: number; max: number; fallback: number; unit?: string }) {
  const message = `must be a whole number${unit} from ${min} to ${max}`
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback),
  )
}

const sandboxFlowsMessage = 'must be a whole number of flows from 1 to 1000'

const envSchema = z.object({
  HOST: optionalString.default('127.0.0.1'),
  PORT: wholeNumber({ min: 0, max: 65535, fallback: 8080 }),
  EIGHTX8_API_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      // The message must never echo the value: it is a secret.
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (check for a stray quote or newline)')
      .optional(),
  ),
  EIGHTX8_ACCOUNT_ID: optionalString.refine((v) => v === undefined || isAccountId(v), {
    error: "must be 8x8's account id: a UUID, dashes optional (e.g. 5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19)",
  }),
  EIGHTX8_CHANNELS: optionalString,
  EIGHTX8_BASE_URL: optionalString,
  EIGHTX8_REGION: z.preprocess(
    blankToUndefined,
    z.enum(['apac', 'us', 'eu', 'id'], { error: 'must be one of apac, us, eu, id' }).optional(),
  ),
  EIGHTX8_TIMEOUT_MS: wholeNumber({ min: 100, max: 120_000, fallback: 10_000, unit: ' of milliseconds' }),
  EIGHTX8_RATE_LIMIT_PER_MINUTE: wholeNumber({ min: 0, max: 10_000, fallback: 100 }),
  AUTH_MODE: z.preprocess(
    blankToUndefined,
    z.enum(['none', 'basic', 'header'], { error: 'must be one of none, basic, header' }).optional(),
  ),
  OPERATORS_FILE: optionalString,
  AUTH_HEADER: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name')
      .default('X-Forwarded-User'),
  ),
  TRUSTED_PROXIES: optionalString,
  ALLOWED_HOSTS: optionalString,
  AUDIT_LOG: optionalString,
  DATABASE_URL: optionalString.refine((v) => v === undefined || v === ':memory:' || /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
    error: 'must be file:<path> (SQLite), :memory:, or postgres://user:password@host:port/database',
  }),
  RETENTION_DAYS: wholeNumber({ min: 1, max: 3650, fallback: 90, unit: ' of days' }),
  SANDBOX_LATENCY_MS: wholeNumber({ min: 0, max: 10_000, fallback: 300, unit: ' of milliseconds' }),
  SANDBOX_FLOWS: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: sandboxFlowsMessage }).int(sandboxFlowsMessage).min(1, sandboxFlowsMessage).max(1000, sandboxFlowsMessage).optional(),
  ),
})

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

type Env = z.output<typeof envSchema>

/** A host name, an IPv4 address or a bracketed IPv6 address, optionally with a port. */
const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/

function parseAllowedHosts(e: Env, auth: AuthConfig): string[] | undefined {
  if (e.ALLOWED_HOSTS === undefined) return undefined
  if (auth.mode === 'none') {
    throw new ConfigError('ALLOWED_HOSTS: is for AUTH_MODE basic or header; without sign-in only loopback names are ever accepted')
  }
  const hosts = e.ALLOWED_HOSTS.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean)
  for (const host of hosts) {
    const match = hostPattern.exec(host)
    if (!match || (match[1] !== undefined && !(Number(match[1]) >= 1 && Number(match[1]) <= 65535))) {
      throw new ConfigError(`ALLOWED_HOSTS: "${host}" is not a host name, optionally with :port (e.g. flows-admin.example.com or 10.0.0.7:8080)`)
    }
  }
  if (hosts.length === 0) throw new ConfigError('ALLOWED_HOSTS: lists no host')
  return hosts
}

function parseAuth(e: Env): AuthConfig {
  const mode = e.AUTH_MODE ?? 'none'
  if (mode === 'none') {
    if (!isLoopback(e.HOST)) {
      throw new ConfigError(
        `AUTH_MODE: is ${e.AUTH_MODE ?? 'unset (none)'}, but HOST=${e.HOST} is not loopback: set AUTH_MODE=basic or AUTH_MODE=header before listening on a network`,
      )
    }
    return { mode }
  }
  if (mode === 'basic') {
    if (e.OPERATORS_FILE === undefined) {
      throw new ConfigError('OPERATORS_FILE: is required with AUTH_MODE=basic (one name:hash a line, from npm run hash-password)')
    }
    try {
      return { mode, operatorsFile: e.OPERATORS_FILE, operators: readOperatorsFile(e.OPERATORS_FILE) }
    } catch (error) {
      throw new ConfigError(`OPERATORS_FILE: ${(error as Error).message}`, { cause: error })
    }
  }
  const trustedProxies = (e.TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean)
  if (trustedProxies.length === 0) {
    throw new ConfigError('TRUSTED_PROXIES: is required with AUTH_MODE=header: the addresses of the sign-in proxy, comma-separated')
  }
  const bad = trustedProxies.find((address) => !/^[0-9a-fA-F.:]+$/.test(address))
  if (bad !== undefined) throw new ConfigError(`TRUSTED_PROXIES: "${bad}" is not an IP address`)
  return { mode, header: e.AUTH_HEADER, trustedProxies }
}

/** `id` or `id=Display name`, comma-separated. */
export function parseChannels(raw: string): Channel[] {
  const channels: Channel[] = []
  for (const entry of raw.split(',')) {
    const trimmed = entry.trim()
    if (trimmed === '') continue
    const separator = trimmed.indexOf('=')
    const id = (separator === -1 ? trimmed : trimmed.slice(0, separator)).trim()
    const name = separator === -1 ? id : trimmed.slice(separator + 1).trim() || id
    if (!isChannelId(id)) {
      throw new ConfigError(
        `EIGHTX8_CHANNELS: "${id}" is not a channel id (letters, digits, "-" and "_", up to 128 characters)`,
      )
    }
    if (channels.some((c) => c.id === id)) {
      throw new ConfigError(`EIGHTX8_CHANNELS: channel "${id}" is listed twice`)
    }
    channels.push({ id, name })
  }
  if (channels.length === 0) {
    throw new ConfigError('EIGHTX8_CHANNELS: must list at least one channel id (comma-separated, optionally id=Name)')
  }
  return channels
}

function parseBaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`EIGHTX8_BASE_URL: "${raw}" is not a URL (expected e.g. https://chatapps.8x8.com)`)
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError('EIGHTX8_BASE_URL: must use https (plain http is accepted for loopback test servers only)')
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('EIGHTX8_BASE_URL: must be a plain origin with no credentials, query or fragment')
  }
  return url.href.replace(/\/+$/, '')
}

/**
 * Reads the environment once, at start-up. Throws ConfigError with one line that names the variable
 * and what is wrong; the caller prints it and exits before listening.
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
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
    },
  }
}
