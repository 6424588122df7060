import { createHmac, randomBytes } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { AppEnv } from '../app-env'
import type { AuthConfig } from '../config'
import type { Channel } from '../../shared/flow'
import { isRole } from '../../shared/roles'
import { accessFrom, fullAccess } from './access'
import type { RoleGrant, RolesConfig } from '../config-types'
import { ProxyError } from '../upstream/errors'
import { decoyHash, verifyPassword } from './password'
import { createSignInThrottle, type SignInAttempt, type SignInThrottle } from './sign-in-throttle'

export type AuthDependencies = {
  logger: Logger
  /** The TCP peer's address (behind a reverse proxy: the proxy's). */
  remoteAddress: (c: Context<AppEnv>) => string | undefined
  throttle?: SignInThrottle
  verifyPassword?: (password: string, hash: string) => Promise<boolean>
  /** Who may do what; unset: everyone signed in may do everything. */
  roles?: RolesConfig
  channels?: Channel[]
}

/** A groups header as proxies send it: comma- or pipe-separated, repeated headers joined by Node with ", ". */
export const groupsIn = (raw: string | undefined) => (raw ?? '').split(/[,|]/).map((group) => group.trim()).filter(Boolean)

/** Dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d. */
function normalizeAddress(address: string | undefined) {
  return address?.startsWith('::ffff:') ? address.slice(7) : address
}

const challenge = { 'www-authenticate': 'Basic realm="Flows Admin", charset="UTF-8"' }
const verifiedForMs = 5 * 60_000
/**
 * scrypt runs on libuv's thread pool (4 threads), which the audit log's writes and fsyncs need too.
 * At most this many password checks run at once; more sign-ins are told to retry at once (429).
 */
const maxConcurrentChecks = 2
const unprotected = new Set(['/healthz', '/readyz'])

function unauthenticated(message: string, headers?: Record<string, string>) {
  return new ProxyError(401, proxyErrorCodes.unauthenticated, message, { headers })
}

/**
 * Sets `operator` on every request but the health checks, or refuses it:
 * - none: nobody signs in (allowed only while listening on loopback; config enforces it);
 * - basic: HTTP Basic against OPERATORS_FILE, failed attempts throttled per address and per name;
 * - header: an identity header set by a reverse proxy, accepted only from TRUSTED_PROXIES.
 */
export function authenticate(auth: AuthConfig, deps: AuthDependencies): MiddlewareHandler<AppEnv> {
  const throttle = deps.throttle ?? createSignInThrottle()
  const verify = deps.verifyPassword ?? verifyPassword
  let checking = 0
  // Verified credentials, keyed by an HMAC of the header under a key that lives only in this process.
  const cacheKey = randomBytes(32)
  const verified = new Map<string, { name: string; until: number }>()

  async function basic(c: Context<AppEnv>): Promise<string> {
    const header = c.req.header('authorization') ?? ''
    if (!header.startsWith('Basic ')) throw unauthenticated('Sign in to use Flows Admin', challenge)
    const digest = createHmac('sha256', cacheKey).update(header).digest('base64')
    const cached = verified.get(digest)
    if (cached && cached.until > Date.now()) return cached.name

    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
    const separator = decoded.indexOf(':')
    const name = separator === -1 ? decoded : decoded.slice(0, separator)
    const password = separator === -1 ? '' : decoded.slice(separator + 1)
    const address = normalizeAddress(deps.remoteAddress(c)) ?? 'unknown'
    const keys = [`address:${address}`, `name:${name.toLowerCase()}`]
    // Both decided before hashing. The place among the checks is taken before anything is awaited, so
    // concurrent guesses cannot all pass; the throttle counts the attempt as a failure until it succeeds.
    if (checking >= maxConcurrentChecks) {
      throw new ProxyError(429, proxyErrorCodes.tooManySignIns, 'Sign-in is busy; try again in 1 s', { headers: { 'retry-after': '1' } })
    }
    if (auth.mode !== 'basic') throw new Error('unreachable')
    const hash = auth.operators.get(name)
    let attempt!: SignInAttempt
    let ok = false
    checking += 1
    try {
      attempt = await throttle.begin(keys)
      if (attempt.ok) ok = (await verify(password, hash ?? decoyHash)) && hash !== undefined
    } finally {
      checking -= 1
    }
    if (!attempt.ok) {
      const seconds = Math.ceil(attempt.waitMs / 1000)
      throw new ProxyError(429, proxyErrorCodes.tooManySignIns, `Too many failed sign-ins; try again in ${seconds} s`, {
        headers: { 'retry-after': String(seconds) },
      })
    }
    await attempt.end(ok)
    if (!ok) {
      deps.logger.warn({ requestId: c.get('requestId'), address, operator: name.slice(0, 64) }, 'sign-in failed')
      throw unauthenticated('Wrong operator name or password', challenge)
    }
    if (verified.size > 1000) verified.clear()
    verified.set(digest, { name, until: Date.now() + verifiedForMs })
    return name
  }

  function fromHeader(c: Context<AppEnv>): string {
    if (auth.mode !== 'header') throw new Error('unreachable')
    const address = normalizeAddress(deps.remoteAddress(c))
    if (address === undefined || !auth.trustedProxies.includes(address)) {
      deps.logger.warn({ requestId: c.get('requestId'), address }, 'request not from a trusted proxy')
      throw new ProxyError(403, proxyErrorCodes.forbidden, 'Flows Admin accepts requests only through its sign-in proxy')
    }
    const raw = c.req.header(auth.header)
    // Node joins a repeated header with ", ": "alice, mallory" must not become an operator.
    if (raw?.includes(',')) {
      deps.logger.warn({ requestId: c.get('requestId'), address }, `${auth.header} sent more than once`)
      throw new ProxyError(400, proxyErrorCodes.ambiguousIdentity, `The sign-in proxy sent ${auth.header} more than once (or with a comma)`)
    }
    const name = raw?.trim() ?? ''
    if (!/^[\x21-\x7e][\x20-\x7e]{0,127}$/.test(name)) {
      throw unauthenticated(`The sign-in proxy sent no usable ${auth.header} header`)
    }
    return name
  }

  /** The roles a signed-in person's line, groups or role header give them. */
  function grantsOf(c: Context<AppEnv>, name: string): RoleGrant[] {
    const roles = deps.roles
    if (!roles) return []
    if (auth.mode === 'basic') {
      const role = auth.operatorRoles?.get(name)
      return role ? [{ role }] : []
    }
    const grants = groupsIn(c.req.header(roles.groupsHeader)).flatMap((group) => roles.groups.get(group) ?? [])
    const sent = roles.roleHeader === undefined ? undefined : c.req.header(roles.roleHeader)?.trim()
    if (sent !== undefined && sent !== '') {
      if (isRole(sent)) grants.push({ role: sent })
      else deps.logger.warn({ requestId: c.get('requestId') }, `${roles.roleHeader} names no role`)
    }
    return grants
  }

  return async function signIn(c, next) {
    if (auth.mode === 'none' || unprotected.has(c.req.path)) {
      c.set('operator', null)
      c.set('access', fullAccess)
      return next()
    }
    const name = auth.mode === 'basic' ? await basic(c) : fromHeader(c)
    c.set('operator', name)
    const access = deps.roles ? accessFrom(grantsOf(c, name), deps.roles.defaultRole, deps.channels ?? []) : fullAccess
    if (!access) {
      throw new ProxyError(403, proxyErrorCodes.forbiddenRole, `${name} is signed in, but has no role in Flows Admin: none of their groups is in its ROLE_MAP (DEFAULT_ROLE=none). Ask whoever runs Flows Admin for one.`)
    }
    c.set('access', access)
    return next()
  }
}
