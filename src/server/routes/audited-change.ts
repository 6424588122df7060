import type { Context } from 'hono'
import type { Logger } from 'pino'
import type { AuditEntry } from '../../shared/audit'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { AppEnv } from '../app-env'
import type { AuditLog } from '../audit/audit-log'
import type { FlowPathParams } from '../upstream/api-types'
import { ProxyError, UpstreamError } from '../upstream/errors'
import { DatabaseFileGoneError } from '../store/database-file'
import type { ChangeLock } from './change-lock'
import { roleIn } from '../auth/access'

type Outcome = Pick<AuditEntry, 'result' | 'status' | 'code' | 'errorId'>
/**
 * What the audit trail says of a change beyond its outcome (the copy kept, the new flow…), and its
 * result when it is not the change's own (a save with nothing to save).
 */
export type ChangeNotes = Pick<AuditEntry, 'backup' | 'backupId' | 'reason' | 'newFlowId' | 'result'>

export type Change = {
  action: AuditEntry['action']
  /** The flow the change is about (for a restore: the deleted one). */
  params: FlowPathParams
  /** One change per key at a time. */
  lockKey: string
  /** Said when the key is busy. */
  busy: string
  done: NonNullable<Outcome['result']>
  /** The status the route answers with when it is done. */
  answers?: 200 | 204
  flowName?: string
  /** Known before the change is sent: written with the attempt too. */
  notes?: ChangeNotes
}

export function outcomeOf(error: unknown): Outcome {
  if (error instanceof UpstreamError) {
    return { result: error.status < 500 ? 'refused' : 'failed', status: error.status, code: error.body.code, errorId: error.body.errorId }
  }
  if (error instanceof ProxyError) {
    return {
      result: error.code === proxyErrorCodes.upstreamTimeout ? 'unknown' : error.status < 500 ? 'refused' : 'failed',
      status: error.status,
      code: error.code,
      errorId: error.errorId,
    }
  }
  return { result: 'failed', status: 500, code: proxyErrorCodes.internal }
}

/**
 * Runs a state-changing call to 8x8 between two audit entries: `attempt` (committed first; if it cannot
 * be written nothing is sent: fail closed) and `outcome`. One change per key at a time: a second while
 * the first is with 8x8 is refused with 409 and neither sent nor audited. `run` may add notes to the
 * outcome as it goes (they are kept even when it fails).
 */
export function auditedChanges({ audit, logger, changeLock }: { audit: AuditLog; logger: Logger; changeLock: ChangeLock }) {
  return async function change<T>(c: Context<AppEnv>, spec: Change, run: (notes: ChangeNotes) => Promise<T>): Promise<T> {
    // A second change while the first is with 8x8 would reach 8x8 as a duplicate (404 or 400 after the
    // first succeeded, or a second flow for a restore) and record two outcomes for one intent.
    let acquired: boolean
    try {
      acquired = await changeLock.acquire(spec.lockKey)
    } catch (error) {
      throw new ProxyError(503, proxyErrorCodes.auditUnavailable, 'The database cannot be reached, so nothing was changed', { cause: error })
    }
    if (!acquired) {
      // A lock whose instance died expires by itself: say when, so the operator knows how long at worst.
      const expires = await changeLock.expiresAt?.(spec.lockKey).catch(() => undefined)
      const until = expires === undefined ? '' : ` (at the latest, the flow is free again at ${new Date(expires).toISOString().slice(11, 19)} UTC, in ${Math.max(1, Math.ceil((expires - Date.now()) / 1000))} s)`
      throw new ProxyError(409, proxyErrorCodes.changeInProgress, `${spec.busy}${until}`, { headers: { 'retry-after': '1' } })
    }
    try {
      return await sendAudited(c, spec, run)
    } finally {
      await changeLock
        .release(spec.lockKey)
        .catch((error: unknown) => logger.warn({ err: error, key: spec.lockKey }, 'the change lock could not be given back; it expires by itself'))
    }
  }

  async function sendAudited<T>(c: Context<AppEnv>, spec: Change, run: (notes: ChangeNotes) => Promise<T>): Promise<T> {
    const started = performance.now()
    const base = {
      requestId: c.get('requestId'),
      operator: c.get('operator'),
      role: roleIn(c.get('access'), spec.params.channelId),
      action: spec.action,
      ...spec.params,
      ...(spec.flowName === undefined ? {} : { flowName: spec.flowName }),
    }
    try {
      await audit.append({ time: new Date().toISOString(), phase: 'attempt', ...base, ...spec.notes })
    } catch (error) {
      const why =
        error instanceof DatabaseFileGoneError
          ? 'The database file was removed or replaced while the server ran, so nothing was changed: restart Flows Admin'
          : 'The audit log cannot be written, so nothing was changed'
      throw new ProxyError(503, proxyErrorCodes.auditUnavailable, why, { cause: error })
    }
    const notes: ChangeNotes = { ...spec.notes }
    let outcome: Outcome = { result: spec.done, status: spec.answers ?? 200 }
    try {
      // Not tied to the browser's connection: a change 8x8 has started is seen through and recorded,
      // even if the operator closes the tab.
      return await run(notes)
    } catch (error) {
      outcome = outcomeOf(error)
      throw error
    } finally {
      const entry: AuditEntry = {
        time: new Date().toISOString(),
        phase: 'outcome',
        ...base,
        ...outcome,
        ...notes,
        durationMs: Math.round(performance.now() - started),
      }
      await audit.append(entry).catch((error: unknown) =>
        // The attempt is on disk; the outcome is in the server log at least.
        logger.error({ err: error, audit: entry }, 'audit outcome could not be written'),
      )
    }
  }
}
