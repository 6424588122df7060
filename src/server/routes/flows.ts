import { Hono, type Context } from 'hono'
import type { Logger } from 'pino'
import type { AuditList } from '../../shared/audit'
import { withoutBackupHeaders, type DeleteResult, type FlowTemplateList } from '../../shared/deleted-flows'
import { proxyErrorCodes } from '../../shared/error-codes'
import { isFlowId } from '../../shared/ids'
import { lookupIdPattern } from '../../shared/lookup'
import type { AppEnv } from '../app-env'
import type { FlowDetails, FlowPreview } from '../../shared/flow'
import type { ServerConfig } from '../config'
import type { FlowPathParams } from '../upstream/api-types'
import type { UpstreamClient } from '../upstream/client'
import type { AuditLog } from '../audit/audit-log'
import type { FlowBackups } from '../store/flow-backups'
import { ProxyError, UpstreamError } from '../upstream/errors'
import { auditedChanges, outcomeOf, type Change } from './audited-change'
import { createChangeLock, type ChangeLock } from './change-lock'
import { deletedFlowRoutes } from './deleted-flows'
import { flowEditRoutes, flowJsonEtag } from './flow-edits'
import { errorCountsFor } from './error-counts'
import { flowHistoryRoutes } from './flow-history'
import type { FlowVersions } from '../store/flow-versions'
import { listAnswer } from './list-answer'
import { laterConfirmations } from './confirmed-later'
import { channelReadOptions, readOrLast } from './channel-reads'
import type { ReportFailure } from '../middleware/error-handler'
import { flowNameFrom, invalid, jsonFileName, parseLimit, resolveScope } from './request-checks'
import { consolePreviewUrl } from '../sandbox/preview-link'
import { routeGuards } from '../auth/authorize'
import { bulkRunHeader } from '../../shared/deleted-flows'
import type { Permission } from '../../shared/roles'

export type FlowRoutesDependencies = {
  config: ServerConfig
  upstream: UpstreamClient
  audit: AuditLog
  logger: Logger
  changeLock?: ChangeLock
  /** Where copies of flows go before their delete; without it (API tests) deletes keep none and say so. */
  backups?: FlowBackups
  /** Where the JSON before each save is kept. */
  versions?: FlowVersions
  /** Logs and records a failure told beside an answer (a list the budget refused, answered from the last one read). */
  reportFailure: ReportFailure
}

/** The copy could not be made: nothing was deleted. The operator sees why and may delete without one. */
function backupFailed(error: unknown): ProxyError {
  const why =
    error instanceof UpstreamError
      ? `8x8 refused to read the flow (${error.body.code}, Error ID ${error.body.errorId})`
      : error instanceof ProxyError
        ? error.message
        : 'reading the flow failed'
  return new ProxyError(502, proxyErrorCodes.backupFailed, `No copy of the flow could be made, so it was not deleted: ${why}`, {
    cause: error,
    detail: error instanceof ProxyError ? error.detail : undefined,
  })
}

/**
 * `X-Backup: none`: the operator confirmed a delete without a copy after one failed; the failure's
 * Error ID comes along for the audit trail. Anything else in the header is refused.
 */
/** A delete without a copy needs more than one with a copy; one of a bulk run (its header says so) more still. */
function deleteNeeds(c: Context<AppEnv>): Permission {
  if (c.req.header(withoutBackupHeaders.choice) !== undefined) return 'deleteWithoutCopy'
  return c.req.header(bulkRunHeader) === undefined ? 'delete' : 'bulk'
}

function withoutBackup(c: Context<AppEnv>): string | undefined {
  const choice = c.req.header(withoutBackupHeaders.choice)
  if (choice === undefined) return undefined
  if (choice !== 'none') throw invalid(`${withoutBackupHeaders.choice} must be "none" or absent`)
  const after = c.req.header(withoutBackupHeaders.after)
  if (after !== undefined && !lookupIdPattern.test(after)) throw invalid(`${withoutBackupHeaders.after} is not an Error ID`)
  return after === undefined ? 'the operator chose to delete without a copy' : `the operator chose to delete without a copy after ${proxyErrorCodes.backupFailed} ${after}`
}

export function flowRoutes({ config, upstream, audit, logger, changeLock = createChangeLock(), backups, versions, reportFailure }: FlowRoutesDependencies) {
  function flowScope(c: Context<AppEnv>) {
    const scope = resolveScope(config, c.req.param() as { accountId: string; channelId: string })
    const flowId = c.req.param('flowId') ?? ''
    if (!isFlowId(flowId)) throw invalid('flowId is not a flow id')
    return { ...scope, flowId }
  }

  const change = auditedChanges({ audit, logger, changeLock })
  const later = laterConfirmations({ versions, audit, upstream, logger })
  const errorCounts = errorCountsFor(versions, logger)

  function flowChange(c: Context<AppEnv>, action: 'flow.delete' | 'flow.deprecate', done: 'deleted' | 'deprecated'): Change {
    const params = flowScope(c)
    return {
      action,
      params,
      done,
      lockKey: `${params.accountId}/${params.channelId}/${params.flowId}`,
      busy: 'This flow is already being changed; wait for that to finish, then refresh',
      flowName: flowNameFrom(c.req.header('x-flow-name')),
    }
  }

  /**
   * The copy of the flow that a delete keeps first: its details and JSON, read afresh from 8x8. When
   * it cannot be made the flow is not deleted (BACKUP_FAILED, naming why), unless 8x8 says the flow
   * is not there (nothing to keep, nothing to delete) or the budget is spent (429: try again).
   */
  async function keepCopy(c: Context<AppEnv>, params: FlowPathParams, store: FlowBackups): Promise<string> {
    let read: Awaited<ReturnType<UpstreamClient['readFlowForBackup']>>
    try {
      read = await upstream.readFlowForBackup(params)
    } catch (error) {
      if (error instanceof UpstreamError && error.status === 404) throw error
      if (error instanceof ProxyError && error.code === proxyErrorCodes.rateLimited) throw error
      throw backupFailed(error)
    }
    const { details, json } = read
    try {
      return await store.keep({
        ...params,
        name: details.name,
        categories: details.categories,
        status: details.status,
        endPointUri: details.endPointUri ?? null,
        validationErrors: details.validationErrors,
        flowJson: json,
        requestId: c.get('requestId'),
        takenBy: c.get('operator'),
      })
    } catch (error) {
      throw new ProxyError(503, proxyErrorCodes.auditUnavailable, 'The copy of the flow could not be stored, so nothing was deleted', { cause: error })
    }
  }

  const guard = routeGuards(audit)
  const routes = new Hono<AppEnv>()
    .get('/accounts/:accountId/channels/:channelId/flows', guard('read'), async (c) => {
      const scope = resolveScope(config, c.req.param())
      const query = { limit: parseLimit(c.req.query('limit')) }
      const list = await readOrLast(c, () => upstream.listFlows(scope, query, channelReadOptions(c)), () => upstream.lastList(scope, query), reportFailure)
      const { body, encoding } = await listAnswer(await errorCounts.withCounts(scope, list), c.req.header('accept-encoding'))
      return c.body(body, 200, encoding ? { 'content-type': 'application/json', 'content-encoding': encoding, vary: 'Accept-Encoding' } : { 'content-type': 'application/json' })
    })
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId', guard('read'), async (c) => {
      const { flowJsonUrl: _kept, ...details } = await upstream.getFlow(flowScope(c), { signal: c.req.raw.signal })
      const body: FlowDetails = details
      return c.json(body)
    })
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId/json', guard('read'), async (c) => {
      const params = flowScope(c)
      const { name, json, validationErrorCount } = await upstream.getFlowJson(params, { signal: c.req.raw.signal })
      // A text this console has not seen for the flow (its first read, or a change made elsewhere) joins
      // its history; a save of it 8x8 did not confirm is found to be done. In the background: the download
      // does not wait for the store.
      void versions
        ?.keep({ ...params, json, source: 'seen', validationErrorCount, requestId: c.get('requestId'), takenBy: c.get('operator') })
        .catch((error: unknown) => logger.warn({ err: error, flowId: params.flowId }, 'the JSON as seen could not be kept in the flow history'))
        .then(() => later.savesFound(params, json, validationErrorCount, name))
      return c.body(json, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${jsonFileName(name, params.flowId)}"`,
        // The editor sends it back as If-Match: a save over JSON that changed meanwhile is refused.
        etag: flowJsonEtag(json),
      })
    })
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId/preview', guard('read'), async (c) => {
      const refresh = c.req.query('refresh')
      if (refresh !== undefined && refresh !== 'true' && refresh !== 'false') throw invalid('refresh must be true or false')
      const preview: FlowPreview = await upstream.getPreview(flowScope(c), { refresh: refresh === 'true' }, { signal: c.req.raw.signal })
      // The link is a capability (anyone holding it sees the flow): never logged.
      return c.json(config.mode === 'sandbox' ? { ...preview, previewUrl: consolePreviewUrl(preview.previewUrl) } : preview)
    })
    .delete('/accounts/:accountId/channels/:channelId/flows/:flowId', guard('delete', { audit: 'flow.delete', needs: deleteNeeds }), async (c) => {
      const spec = flowChange(c, 'flow.delete', 'deleted')
      const withoutCopy = withoutBackup(c)
      // Where the copy goes: nowhere when the operator chose so, or when this server has no store.
      const keeper = withoutCopy ? undefined : backups
      if (!keeper) spec.notes = { backup: 'none', reason: withoutCopy ?? 'this server keeps no copies (no store)' }
      const result: DeleteResult = await change(c, spec, async (notes) => {
        if (!keeper) {
          await upstream.deleteFlow(spec.params)
          return { backupId: null }
        }
        const backupId = await keepCopy(c, spec.params, keeper)
        Object.assign(notes, { backup: 'kept', backupId })
        try {
          await upstream.deleteFlow(spec.params)
        } catch (error) {
          // Refused: the flow is still there and needs no copy. No answer in time: it may be gone, so the copy stays.
          const unknown = outcomeOf(error).result === 'unknown'
          await keeper.settle(backupId, unknown ? 'unconfirmed' : 'not-deleted').catch((cause: unknown) => logger.error({ err: cause, backupId }, 'the copy of the flow could not be settled'))
          throw error
        }
        await keeper.settle(backupId, 'deleted').catch((error: unknown) => logger.error({ err: error, backupId }, 'the copy of the deleted flow could not be marked deleted; it stays hidden'))
        return { backupId }
      })
      return c.json(result)
    })
    .post('/accounts/:accountId/channels/:channelId/flows/:flowId/deprecate', guard('deprecate', { audit: 'flow.deprecate' }), async (c) => {
      const spec = { ...flowChange(c, 'flow.deprecate', 'deprecated'), answers: 204 as const }
      await change(c, spec, () => upstream.deprecateFlow(spec.params))
      return c.body(null, 204)
    })
    .get('/accounts/:accountId/channels/:channelId/templates', guard('read'), async (c) => {
      const scope = resolveScope(config, c.req.param())
      const body: FlowTemplateList = await readOrLast(c, () => upstream.listFlowTemplates(scope, channelReadOptions(c)), () => upstream.lastTemplates(scope), reportFailure)
      return c.json(body)
    })
    .get('/accounts/:accountId/channels/:channelId/audit', guard('support'), async (c) => {
      const scope = resolveScope(config, c.req.param())
      const limit = Math.min(parseLimit(c.req.query('limit') ?? '20'), 200)
      const entries = await audit.recent(scope, limit)
      const body: AuditList = { entries }
      return c.json(body)
    })
  routes.route('/', flowEditRoutes({ config, upstream, logger, change, versions, onSaved: errorCounts.forget, audit, guard }))
  if (versions) routes.route('/', flowHistoryRoutes({ config, versions, backups, guard }))
  if (backups) routes.route('/', deletedFlowRoutes({ config, upstream, backups, logger, change, versions, guard }))
  return routes
}
