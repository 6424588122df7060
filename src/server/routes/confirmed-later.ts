import type { Logger } from 'pino'
import type { AuditLog } from '../audit/audit-log'
import type { FlowVersions } from '../store/flow-versions'
import type { FlowPathParams } from '../upstream/api-types'
import type { UpstreamClient } from '../upstream/client'
import { UpstreamError } from '../upstream/errors'
import { outcomeOf } from './audited-change'

/**
 * Changes 8x8 carried out without confirming them in time, found out when the server reads the flow
 * again: told and recorded as done from then on, never left as failures.
 */
export function laterConfirmations({ versions, audit, upstream, logger }: { versions?: FlowVersions; audit: Pick<AuditLog, 'append'>; upstream: UpstreamClient; logger: Logger }) {
  return {
    /**
     * 8x8 has `json` for the flow now (just read): the saves of it it did not confirm were saves, each
     * recorded as done (an outcome `updated`, "confirmed later", under the save's own request ID) and
     * its version made a save. Returns how many. Never fails the request that read it.
     */
    async savesFound(params: FlowPathParams, json: string, validationErrorCount: number, flowName?: string): Promise<number> {
      if (!versions) return 0
      try {
        const confirmed = await versions.confirm(params, json, validationErrorCount)
        const now = new Date().toISOString()
        for (const save of confirmed) {
          await audit.append({
            time: now,
            requestId: save.requestId,
            operator: save.takenBy,
            action: 'flow.update',
            phase: 'outcome',
            ...params,
            ...(flowName === undefined ? {} : { flowName }),
            result: 'updated',
            reason: `confirmed later: 8x8 has the JSON this save sent (sent ${save.takenAt}, found ${now})`,
          })
        }
        return confirmed.length
      } catch (error) {
        logger.warn({ err: error, flowId: params.flowId }, 'a save 8x8 did not confirm could not be recorded as done; it stays unknown')
        return 0
      }
    },

    /**
     * A publish that failed in a way that may mean it happened (no answer in time; or 8x8 refusing it
     * because the flow is not a draft any more, as after an earlier publish it did not confirm): the
     * flow's status, read now. Why it counts as done when 8x8 says PUBLISHED, else undefined.
     */
    async publishedAfterAll(params: FlowPathParams, error: unknown): Promise<string | undefined> {
      const unknown = outcomeOf(error).result === 'unknown'
      const refusedAsNotDraft = error instanceof UpstreamError && error.status === 400
      if (!unknown && !refusedAsNotDraft) return undefined
      const status = await upstream.getFlow(params, { priority: 'change' }).then(
        (details) => details.status,
        () => undefined,
      )
      if (status !== 'PUBLISHED') return undefined
      return unknown
        ? '8x8 did not confirm the publish in time; read afterwards, the flow is PUBLISHED'
        : `8x8 refused the publish as the flow is not a draft (${(error as UpstreamError).body.code}): it is PUBLISHED already, by an earlier publish it did not confirm or by another console`
    },
  }
}
