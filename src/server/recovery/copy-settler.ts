import type { Logger } from 'pino'
import type { AuditEntry } from '../../shared/audit'
import type { AuditLog } from '../audit/audit-log'
import type { FlowBackups, UnsettledCopy } from '../store/flow-backups'
import type { UpstreamClient } from '../upstream/client'
import { flowAtUpstream } from './delete-outcome'

export type CopySettlerDependencies = {
  backups: FlowBackups
  upstream: UpstreamClient
  audit: AuditLog
  logger: Logger
  /** The account and channels this server serves: copies of a channel removed since are left alone. */
  configured: { accountId: string; channelIds: string[] }
  /** A copy younger than this may still have its delete on its way (deleteSettledWithinMs). */
  settleAfterMs: number
  /** How often it looks again when nothing is due sooner. */
  everyMs?: number
  /** At most this many copies are checked a run: each check is a call in 8x8's budget. */
  batch?: number
  now?: () => number
}

export type SettleReport = { deleted: number; notDeleted: number; undecided: number; notDue: number }

/**
 * Settles the copies whose delete was never confirmed: a request cut off by a crash, a restart or a
 * database outage (`pending`), or a delete 8x8 did not answer in time (`unconfirmed`). For each copy
 * old enough, it asks 8x8 whether the flow is still there: gone, the copy is kept as deleted (and can
 * be restored); still there, the copy is dropped (the delete never happened). Each decision is written
 * to the audit trail as the outcome of the delete's request. Runs at start-up, then as copies become
 * due and every `everyMs`; several instances may run it at once (a copy is settled once).
 */
export function createCopySettler({ backups, upstream, audit, logger, configured, settleAfterMs, everyMs = 60_000, batch = 20, now = Date.now }: CopySettlerDependencies) {
  async function decide(copy: UnsettledCopy, report: SettleReport) {
    let found: 'gone' | 'there'
    try {
      found = await flowAtUpstream(upstream, copy)
    } catch (error) {
      report.undecided += 1
      logger.warn({ err: error, backupId: copy.backupId, flowId: copy.flowId }, 'whether an interrupted delete happened cannot be asked of 8x8 now; asking again later')
      return
    }
    const outcome = found === 'gone' ? 'deleted' : 'not-deleted'
    if (!(await backups.settle(copy.backupId, outcome))) return
    report[found === 'gone' ? 'deleted' : 'notDeleted'] += 1
    const entry: AuditEntry = {
      time: new Date(now()).toISOString(),
      phase: 'outcome',
      requestId: copy.requestId,
      operator: copy.takenBy,
      action: 'flow.delete',
      accountId: copy.accountId,
      channelId: copy.channelId,
      flowId: copy.flowId,
      flowName: copy.name,
      result: outcome,
      backup: 'kept',
      backupId: copy.backupId,
      reason:
        found === 'gone'
          ? 'found after a restart: 8x8 no longer has the flow, so its copy can be restored'
          : 'found after a restart: 8x8 still has the flow, so its copy was dropped',
    }
    await audit.append(entry).catch((error: unknown) => logger.error({ err: error, audit: entry }, 'audit outcome could not be written'))
  }

  /**
   * One pass; resolves with what it did, when the next copy becomes due (if one waits), and whether
   * more may wait behind this batch (`more`: the batch was full and settled something).
   */
  async function runOnce(): Promise<SettleReport & { nextDueAt?: number; more: boolean }> {
    const report: SettleReport = { deleted: 0, notDeleted: 0, undecided: 0, notDue: 0 }
    let nextDueAt: number | undefined
    const copies = await backups.unsettled(batch, configured)
    for (const copy of copies) {
      const dueAt = Date.parse(copy.takenAt) + settleAfterMs
      if (dueAt > now()) {
        report.notDue += 1
        nextDueAt = Math.min(nextDueAt ?? dueAt, dueAt)
        continue
      }
      await decide(copy, report)
    }
    const settled = report.deleted + report.notDeleted
    if (settled > 0) logger.info(report, 'settled the copies of interrupted deletes')
    return { ...report, nextDueAt, more: copies.length === batch && settled > 0 }
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  async function loop() {
    let next = now() + everyMs
    try {
      const { nextDueAt, more } = await runOnce()
      if (nextDueAt !== undefined) next = Math.min(next, nextDueAt + 1)
      if (more) next = now()
    } catch (error) {
      logger.warn({ err: error }, 'the copies of interrupted deletes cannot be read now; trying again later')
    }
    if (stopped) return
    timer = setTimeout(loop, Math.max(0, next - now()))
    timer.unref()
  }

  return {
    runOnce,
    /** Runs now, then by itself until stop(). */
    start() {
      void loop()
    },
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}
