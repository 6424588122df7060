import type { Context } from 'hono'
import type { Logger } from 'pino'
import type { z } from 'zod'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { FlowWriteResult } from '../../shared/flow-edit'
import { failedSaveNote } from '../../shared/flow-history'
import type { AppEnv } from '../app-env'
import type { FlowVersions, NewFlowVersion } from '../store/flow-versions'
import { jsonHash } from '../store/flow-versions'
import type { FlowPathParams } from '../upstream/api-types'
import type { UpstreamClient } from '../upstream/client'
import type { FlowForBackup } from '../upstream/boundary'
import { ProxyError } from '../upstream/errors'
import { outcomeOf, type auditedChanges } from './audited-change'
import type { laterConfirmations } from './confirmed-later'
import { bodyOf, checkJsonSize, etagOf, expectedHash, flowJsonEtag, restoredVersion, updateBody } from './edit-requests'
import { flowNameFrom } from './request-checks'

type SaveBody = z.output<typeof updateBody>

/** Whether 8x8 has all the save would send already: the JSON, and any name, categories or endpoint it carries. */
function alreadyAt8x8(body: SaveBody, current: { details: FlowForBackup; json: string }): boolean {
  const { details } = current
  return (
    body.flowJson === current.json &&
    (body.name === undefined || body.name === details.name) &&
    (body.endPointUri === undefined || body.endPointUri === details.endPointUri) &&
    (body.categories === undefined || (body.categories.length === details.categories.length && body.categories.every((category) => details.categories.includes(category))))
  )
}

export type FlowSaveDependencies = {
  upstream: UpstreamClient
  change: ReturnType<typeof auditedChanges>
  later: ReturnType<typeof laterConfirmations>
  versions?: FlowVersions
  logger: Logger
  keepAfter: (version: NewFlowVersion) => Promise<unknown> | undefined
}

/**
 * A save of a draft (only what changed). With its JSON, the JSON at 8x8 is read first: compared with
 * what the operator opened (If-Match), kept before it is replaced, and checked for a save of this
 * flow 8x8 did not confirm, whose text it may turn out to be (recorded as done then). When 8x8 has
 * everything the save would send already, nothing is sent: "nothing to save". Sent once, audited.
 */
export function saveFlow({ upstream, change, later, versions, keepAfter }: FlowSaveDependencies) {
  return async function save(c: Context<AppEnv>, params: FlowPathParams): Promise<FlowWriteResult> {
    const body = await bodyOf(c, updateBody)
    checkJsonSize(body.flowJson)
    const expected = expectedHash(c)
    const restored = body.flowJson === undefined ? undefined : restoredVersion(c)
    const flowName = body.name ?? flowNameFrom(c.req.header('x-flow-name'))
    const spec = {
      action: 'flow.update' as const,
      params,
      ...(restored ? { notes: { reason: `restored version ${restored.versionId}` } } : {}),
      lockKey: `${params.accountId}/${params.channelId}/${params.flowId}`,
      busy: 'This flow is already being changed; wait for that to finish, then refresh',
      done: 'updated' as const,
      flowName,
    }
    return change(c, spec, async (notes) => {
      if (body.flowJson !== undefined) {
        // The JSON as it is now at 8x8: compared with what the operator opened, and kept before it is replaced.
        const current = await upstream.readFlowForBackup(params)
        const currentHash = jsonHash(current.json)
        const confirmedNow = await later.savesFound(params, current.json, current.details.validationErrors.length, flowName)
        if (alreadyAt8x8(body, current)) {
          notes.result = 'unchanged'
          notes.reason = confirmedNow > 0 ? 'nothing to save: 8x8 has this JSON, from an earlier save it did not confirm at the time' : 'nothing to save: 8x8 has this JSON already'
          c.header('etag', etagOf(currentHash))
          return { id: params.flowId, validationErrors: current.details.validationErrors, unchanged: true }
        }
        if (expected !== undefined && currentHash !== expected) {
          const why =
            confirmedNow > 0
              ? 'it has the JSON of an earlier save that 8x8 did not confirm at the time (it was saved after all)'
              : 'it was saved since: by another operator or console, or by an earlier save whose answer did not come back'
          throw new ProxyError(409, proxyErrorCodes.flowChanged, `The flow's JSON at 8x8 is not the one you opened: ${why}. Compare both texts before saving again.`, {
            headers: { etag: etagOf(currentHash) },
          })
        }
        if (versions && current.json !== body.flowJson) {
          try {
            await versions.keep({ ...params, json: current.json, source: 'before-save', validationErrorCount: current.details.validationErrors.length, requestId: c.get('requestId'), takenBy: c.get('operator') })
          } catch (error) {
            throw new ProxyError(503, proxyErrorCodes.auditUnavailable, 'The JSON before this save could not be stored, so nothing was saved', { cause: error })
          }
          notes.reason = [notes.reason, 'the JSON before this save was kept'].filter(Boolean).join('; ')
        }
      }
      let saved: Awaited<ReturnType<UpstreamClient['updateFlow']>>
      try {
        saved = await upstream.updateFlow(params, body)
      } catch (error) {
        // What was sent is kept (apart in the history, as a failed save, or one 8x8 did not confirm: it may
        // have been saved), so that the Error ID's lookup can show it.
        if (body.flowJson !== undefined && versions) {
          const source = outcomeOf(error).result === 'unknown' ? 'unconfirmed-save' : 'failed-save'
          const kept = await versions
            .keep({ ...params, json: body.flowJson, source, validationErrorCount: 0, requestId: c.get('requestId'), takenBy: c.get('operator') })
            .catch(() => undefined)
          if (kept) notes.reason = [notes.reason, failedSaveNote(kept)].filter(Boolean).join('; ')
        }
        throw error
      }
      if (body.flowJson !== undefined) {
        await keepAfter({ ...params, json: body.flowJson, source: restored ? 'restored' : 'saved', origin: restored?.versionId, validationErrorCount: saved.validationErrors.length, requestId: c.get('requestId'), takenBy: c.get('operator') })
        c.header('etag', flowJsonEtag(body.flowJson))
      }
      return { id: params.flowId, validationErrors: saved.validationErrors }
    })
  }
}
