import { Hono, type Context } from 'hono'
import type { Logger } from 'pino'
import { flowCategories, type FlowWriteResult } from '../../shared/flow-edit'
import { isFlowId } from '../../shared/ids'
import type { AppEnv } from '../app-env'
import type { AuditLog } from '../audit/audit-log'
import type { ServerConfig } from '../config'
import type { FlowPathParams } from '../upstream/api-types'
import type { UpstreamClient } from '../upstream/client'
import type { FlowVersions, NewFlowVersion } from '../store/flow-versions'
import type { auditedChanges } from './audited-change'
import { laterConfirmations } from './confirmed-later'
import { bodyOf, checkJsonSize, createBody, restoredVersion, tooLarge } from './edit-requests'
import { saveFlow } from './flow-save'
import { flowNameKey } from './flow-names'
import { flowNameFrom, invalid, resolveScope } from './request-checks'
import { twinGuard } from './unconfirmed-create'
import type { routeGuards } from '../auth/authorize'

export { flowJsonEtag } from './edit-requests'

/**
 * Creating, cloning, saving and publishing flows. Each is checked here before anything reaches 8x8, sent
 * once (never retried), audited, and one at a time per flow. The flow JSON travels as the operator wrote
 * it: parsed out of the request body as a string and put back as one, never re-serialised, so Meta's
 * line and column point into the operator's text.
 */
export type FlowEditDependencies = {
  config: ServerConfig
  upstream: UpstreamClient
  logger: Logger
  change: ReturnType<typeof auditedChanges>
  /** Where the JSON before each save is kept; without a store, saves keep nothing. */
  versions?: FlowVersions
  /** The audit trail: a create whose outcome was unknown is looked up before a second of the same name; a change confirmed later is recorded. */
  audit: Pick<AuditLog, 'recent' | 'append'>
  /** After a create, clone or save (the list's counts of errors are read again). */
  onSaved?: (scope: { accountId: string; channelId: string }) => void
  guard: ReturnType<typeof routeGuards>
}

export function flowEditRoutes({ config, upstream, logger, change, versions, onSaved, audit, guard }: FlowEditDependencies) {
  const refuseTwinOfUnconfirmedCreate = twinGuard({ audit, upstream })
  const later = laterConfirmations({ versions, audit, upstream, logger })

  function flowParams(c: Context<AppEnv>): FlowPathParams {
    const scope = resolveScope(config, c.req.param() as { accountId: string; channelId: string })
    const id = c.req.param('flowId') ?? ''
    if (!isFlowId(id)) throw invalid('flowId is not a flow id')
    return { ...scope, flowId: id }
  }

  const save = saveFlow({ upstream, change, later, versions, logger, keepAfter: (version) => keepAfter(version) })

  /** A version kept after the change: its loss is logged, never the change's failure. */
  function keepAfter(version: NewFlowVersion) {
    return versions
      ?.keep(version)
      .then(() => onSaved?.(version))
      .catch((error: unknown) => logger.error({ err: error, flowId: version.flowId }, 'the saved version of the flow could not be kept'))
  }

  return new Hono<AppEnv>()
    .post('/accounts/:accountId/channels/:channelId/flows', guard('edit', { audit: 'flow.create' }), tooLarge, async (c) => {
      const scope = resolveScope(config, c.req.param())
      const body = await bodyOf(c, createBody)
      checkJsonSize(body.flowJson)
      const cloning = body.cloneFlowId !== undefined
      if (!cloning && body.categories === undefined) throw invalid('categories: choose at least one category')
      // A version of a flow brought back as a new draft is a restore (of that flow, from that version).
      const restored = restoredVersion(c)
      const restoring = restored?.fromFlowId !== undefined && body.flowJson !== undefined
      const spec = {
        action: restoring ? ('flow.restore' as const) : cloning ? ('flow.clone' as const) : ('flow.create' as const),
        // The flow the change is about: the one cloned or restored, or none yet (its ID is the outcome's newFlowId).
        params: { ...scope, flowId: (restoring ? restored.fromFlowId : body.cloneFlowId) ?? '' },
        lockKey: `create/${scope.accountId}/${scope.channelId}/${flowNameKey(body.name)}`,
        busy: `A flow named “${body.name}” is being created already; wait for that to finish, then refresh`,
        done: restoring ? ('restored' as const) : cloning ? ('cloned' as const) : ('created' as const),
        flowName: body.name,
        ...(restoring ? { notes: { reason: `version ${restored.versionId} of flow ${restored.fromFlowId}, as a new draft` } } : {}),
      }
      const result: FlowWriteResult = await change(c, spec, async (notes) => {
        await refuseTwinOfUnconfirmedCreate(scope, body.name)
        // 8x8 needs categories on a create, and copies neither them nor the endpoint URL into a clone: a
        // clone takes the original's, unless the request names its own.
        const original = cloning && (body.categories === undefined || body.endPointUri === undefined) ? await upstream.getFlow({ ...scope, flowId: body.cloneFlowId! }, { priority: 'change' }) : undefined
        const chosen = body.categories ?? original!.categories
        const endPointUri = body.endPointUri ?? original?.endPointUri
        const created = await upstream.createFlow(scope, {
          name: body.name,
          categories: chosen as (typeof flowCategories)[number][],
          ...(endPointUri === undefined ? {} : { endPointUri }),
          ...(body.flowJson === undefined ? {} : { flowJson: body.flowJson }),
          ...(body.cloneFlowId === undefined ? {} : { cloneFlowId: body.cloneFlowId }),
        })
        notes.newFlowId = created.id
        if (cloning && body.flowJson === undefined && versions) {
          // 8x8 copied the original's JSON: the clone's history starts with it ("cloned from"). A read, after the write.
          const source = await upstream.getFlowJson({ ...scope, flowId: body.cloneFlowId! }, { priority: 'change' }).catch(() => undefined)
          if (source) await keepAfter({ ...scope, flowId: created.id, json: source.json, source: 'cloned', origin: `flow:${body.cloneFlowId}`, validationErrorCount: created.validationErrors.length, requestId: c.get('requestId'), takenBy: c.get('operator') })
        }
        if (body.flowJson !== undefined) {
          await keepAfter({ ...scope, flowId: created.id, json: body.flowJson, source: restoring ? 'restored' : 'created', origin: restored?.versionId, validationErrorCount: created.validationErrors.length, requestId: c.get('requestId'), takenBy: c.get('operator') })
        }
        return created
      })
      return c.json(result, 201)
    })
    .put('/accounts/:accountId/channels/:channelId/flows/:flowId', guard('edit', { audit: 'flow.update' }), tooLarge, async (c) => c.json(await save(c, flowParams(c))))
    .post('/accounts/:accountId/channels/:channelId/flows/:flowId/publish', guard('publish', { audit: 'flow.publish' }), async (c) => {
      const params = flowParams(c)
      const spec = {
        action: 'flow.publish' as const,
        params,
        lockKey: `${params.accountId}/${params.channelId}/${params.flowId}`,
        busy: 'This flow is already being changed; wait for that to finish, then refresh',
        done: 'published' as const,
        answers: 204 as const,
        flowName: flowNameFrom(c.req.header('x-flow-name')),
      }
      // A publish that may have happened after all (no answer in time, or refused as not a draft) is
      // checked against the flow's status before it is told as a failure.
      let confirmedLater = false
      await change(c, spec, async (notes) => {
        try {
          await upstream.publishFlow(params)
        } catch (error) {
          const why = await later.publishedAfterAll(params, error)
          if (why === undefined) throw error
          notes.reason = why
          confirmedLater = true
        }
      })
      return confirmedLater ? c.json({ confirmedLater: true }) : c.body(null, 204)
    })
}
