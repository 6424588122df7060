import type { Context, MiddlewareHandler } from 'hono'
import type { AuditEntry } from '../../shared/audit'
import { proxyErrorCodes } from '../../shared/error-codes'
import { allows, refusalReason, type Permission } from '../../shared/roles'
import type { AuditLog } from '../audit/audit-log'
import type { AppEnv } from '../app-env'
import { ProxyError } from '../upstream/errors'
import { roleIn } from './access'

/** A route's gate: the permission it declares (a test checks every API route has one). */
export type RouteGuard = MiddlewareHandler<AppEnv> & { permission: Permission }

type GuardOptions = {
  /** A change: its refusal is audited under this action. */
  audit?: AuditEntry['action']
  /** A request that asks for more than the route's permission (a delete without a copy, a bulk run). */
  needs?: (c: Context<AppEnv>) => Permission
}

/**
 * The only gate on who may do what: each API route declares its permission, and a person whose role
 * (in the route's channel) lacks it is refused 403 FORBIDDEN_ROLE with the role needed, before anything
 * reaches 8x8 or a copy is made. A refused change is audited, and the refusal recorded for lookup.
 */
export function routeGuards(audit?: AuditLog) {
  return function guard(permission: Permission, options: GuardOptions = {}): RouteGuard {
    const checkRole: MiddlewareHandler<AppEnv> = async function checkRole(c, next) {
      const needed = options.needs?.(c) ?? permission
      const channelId = c.req.param('channelId')
      const role = roleIn(c.get('access'), channelId)
      if (allows(role, needed)) return next()
      const refusal = new ProxyError(403, proxyErrorCodes.forbiddenRole, refusalReason(needed, role))
      if (options.audit && audit && channelId !== undefined) {
        await audit
          .append({
            time: new Date().toISOString(),
            requestId: c.get('requestId'),
            operator: c.get('operator'),
            role,
            action: options.audit,
            phase: 'outcome',
            accountId: c.req.param('accountId') ?? '',
            channelId,
            flowId: c.req.param('flowId') ?? c.req.param('backupId') ?? '',
            result: 'refused',
            status: 403,
            code: proxyErrorCodes.forbiddenRole,
            errorId: refusal.errorId,
            reason: refusal.message,
          })
          .catch(() => undefined)
      }
      throw refusal
    }
    return Object.assign(checkRole, { permission })
  }
}
