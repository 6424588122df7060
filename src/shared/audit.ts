import type { Role } from './roles'

/**
 * One line of the audit log (JSON Lines). Each state-changing request writes two: `attempt` before
 * 8x8 is called, `outcome` after it answered (or did not), linked by `requestId`.
 */
export type AuditEntry = {
  time: string
  requestId: string
  /** Who asked; null when the server runs without sign-in (AUTH_MODE=none). */
  operator: string | null
  /** The role they asked with (shared/roles.ts), in the flow's channel. */
  role?: Role
  action: 'flow.delete' | 'flow.deprecate' | 'flow.restore' | 'flow.create' | 'flow.clone' | 'flow.update' | 'flow.publish'
  phase: 'attempt' | 'outcome'
  accountId: string
  channelId: string
  flowId: string
  /** The name the operator saw (sent by the browser), when known. */
  flowName?: string
  /**
   * outcome only: `deleted`, `deprecated`, `restored`, `created`, `cloned`, `updated` or `published` (done); `refused` (8x8 said no: 4xx); `failed` (8x8 or the
   * way to it failed); `unknown` (no answer in time: it may or may not have happened); `not-deleted` (a delete
   * found not to have happened, e.g. after a restart: 8x8 still has the flow); `unchanged` (a save that
   * found 8x8 had everything it would send, and sent nothing).
   */
  result?: 'deleted' | 'deprecated' | 'restored' | 'created' | 'cloned' | 'updated' | 'published' | 'refused' | 'failed' | 'unknown' | 'not-deleted' | 'unchanged'
  status?: number
  code?: number | string
  errorId?: string
  durationMs?: number
  /** flow.delete: a copy was `kept` before the delete, or `none` was (the operator chose so, see `reason`). */
  backup?: 'kept' | 'none'
  /** The copy kept before a delete, or restored from. */
  backupId?: string
  reason?: string
  /** flow.restore, flow.create, flow.clone: the new draft 8x8 created. */
  newFlowId?: string
}

export type AuditList = { entries: AuditEntry[] }
