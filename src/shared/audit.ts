/**
 * One line of the audit log (JSON Lines). Each state-changing request writes two: `attempt` before
 * 8x8 is called, `outcome` after it answered (or did not), linked by `requestId`.
 */
export type AuditEntry = {
  time: string
  requestId: string
  /** Who asked; null when the server runs without sign-in (AUTH_MODE=none). */
  operator: string | null
  action: 'flow.delete' | 'flow.deprecate'
  phase: 'attempt' | 'outcome'
  accountId: string
  channelId: string
  flowId: string
  /** The name the operator saw (sent by the browser), when known. */
  flowName?: string
  /**
   * outcome only: `deleted` or `deprecated` (done); `refused` (8x8 said no: 4xx); `failed` (8x8 or the
   * way to it failed); `unknown` (no answer in time: it may or may not have happened).
   */
  result?: 'deleted' | 'deprecated' | 'refused' | 'failed' | 'unknown'
  status?: number
  code?: number | string
  errorId?: string
  durationMs?: number
}

export type AuditList = { entries: AuditEntry[] }
