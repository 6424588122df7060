import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Logger } from 'pino'
import { z } from 'zod'
import { proxyErrorCodes } from '../../shared/error-codes'
import { flowCategories, flowEditLimits, type FlowWriteResult } from '../../shared/flow-edit'
import { failedSaveNote, restoredVersionHeaders } from '../../shared/flow-history'
import { isFlowId } from '../../shared/ids'
import type { AppEnv } from '../app-env'
import type { AuditLog } from '../audit/audit-log'
import type { ServerConfig } from '../config'
import type { FlowPathParams } from '../upstream/api-types'
import type { UpstreamClient } from '../upstream/client'
import { ProxyError } from '../upstream/errors'
import { jsonHash, type FlowVersions, type NewFlowVersion } from '../store/flow-versions'
import { outcomeOf, type auditedChanges } from './audited-change'
import { flowNameFrom, invalid, resolveScope } from './request-checks'
import { twinGuard } from './unconfirmed-create'

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
  /** The audit trail: a create whose outcome was unknown is looked up before a second of the same name. */
  audit: Pick<AuditLog, 'recent'>
  /** After a create, clone or save (the list's counts of errors are read again). */
  onSaved?: (scope: { accountId: string; channelId: string }) => void
}

const name = z.string().trim().min(1, 'name is required').max(flowEditLimits.nameLength, `name is longer than ${flowEditLimits.nameLength} characters`)
const categories = z
  .array(z.enum(flowCategories, { message: `categories must be among ${flowCategories.join(', ')}` }))
  .min(1, 'choose at least one category')
  .refine((list) => new Set(list).size === list.length, 'a category is listed twice')
const endPointUri = z
  .string()
  .max(flowEditLimits.endpointLength)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'the endpoint URL must be an https:// address')
const flowJson = z.string().min(1, 'the flow JSON is empty')
const flowId = z.string().refine(isFlowId, 'cloneFlowId is not a flow id')

const createBody = z.strictObject({ name, categories: categories.optional(), endPointUri: endPointUri.optional(), flowJson: flowJson.optional(), cloneFlowId: flowId.optional() })
const updateBody = z
  .strictObject({ name: name.optional(), categories: categories.optional(), endPointUri: endPointUri.optional(), flowJson: flowJson.optional() })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change: send at least one of name, categories, endPointUri, flowJson')

async function bodyOf<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const raw: unknown = await c.req.json().catch(() => {
    throw invalid('The request body must be JSON')
  })
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '))
  return parsed.data
}

const tooLarge = bodyLimit({
  // The JSON travels escaped inside the request's JSON: room for that, and the other fields.
  maxSize: flowEditLimits.flowJsonBytes * 2 + 10_000,
  onError: () => {
    throw new ProxyError(413, proxyErrorCodes.payloadTooLarge, `The flow JSON is over this console's limit of ${flowEditLimits.flowJsonBytes / 1_000_000} MB`)
  },
})

function checkJsonSize(json: string | undefined) {
  if (json !== undefined && Buffer.byteLength(json, 'utf8') > flowEditLimits.flowJsonBytes) {
    throw new ProxyError(413, proxyErrorCodes.payloadTooLarge, `The flow JSON is over this console's limit of ${flowEditLimits.flowJsonBytes / 1_000_000} MB`)
  }
}

const versionIdPattern = /^(?:copy-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The version a save or a create brings back (for the audit trail and the history), if it says one. */
function restoredVersion(c: Context<AppEnv>): { versionId: string; fromFlowId?: string } | undefined {
  const versionId = c.req.header(restoredVersionHeaders.version)
  if (versionId === undefined) return undefined
  if (!versionIdPattern.test(versionId)) throw invalid(`${restoredVersionHeaders.version} is not a version ID`)
  const fromFlowId = c.req.header(restoredVersionHeaders.flow)
  if (fromFlowId !== undefined && !isFlowId(fromFlowId)) throw invalid(`${restoredVersionHeaders.flow} is not a flow id`)
  return { versionId, fromFlowId }
}

/** The ETag the JSON was read with (If-Match), as a hash; undefined when the request sent none. */
function expectedHash(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('if-match')
  if (header === undefined) return undefined
  const match = /^"sha256-([0-9a-f]{64})"$/.exec(header.trim())
  if (!match) throw invalid('If-Match must be the ETag the flow JSON was read with')
  return match[1]
}

const etagOf = (hash: string) => `"sha256-${hash}"`

export function flowJsonEtag(json: string): string {
  return etagOf(jsonHash(json))
}

export function flowEditRoutes({ config, upstream, logger, change, versions, onSaved, audit }: FlowEditDependencies) {
  const refuseTwinOfUnconfirmedCreate = twinGuard({ audit, upstream })

  function flowParams(c: Context<AppEnv>): FlowPathParams {
    const scope = resolveScope(config, c.req.param() as { accountId: string; channelId: string })
    const id = c.req.param('flowId') ?? ''
    if (!isFlowId(id)) throw invalid('flowId is not a flow id')
    return { ...scope, flowId: id }
  }

  /** A version kept after the change: its loss is logged, never the change's failure. */
  function keepAfter(version: NewFlowVersion) {
    return versions
      ?.keep(version)
      .then(() => onSaved?.(version))
      .catch((error: unknown) => logger.error({ err: error, flowId: version.flowId }, 'the saved version of the flow could not be kept'))
  }

  return new Hono<AppEnv>()
    .post('/accounts/:accountId/channels/:channelId/flows', tooLarge, async (c) => {
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
        lockKey: `create/${scope.accountId}/${scope.channelId}/${body.name}`,
        busy: `A flow named “${body.name}” is being created already; wait for that to finish, then refresh`,
        done: restoring ? ('restored' as const) : cloning ? ('cloned' as const) : ('created' as const),
        flowName: body.name,
        ...(restoring ? { notes: { reason: `version ${restored.versionId} of flow ${restored.fromFlowId}, as a new draft` } } : {}),
      }
      const result: FlowWriteResult = await change(c, spec, async (notes) => {
        await refuseTwinOfUnconfirmedCreate(scope, body.name)
        // 8x8 needs categories on a create: a clone without them takes the original's.
        const chosen = body.categories ?? (await upstream.getFlow({ ...scope, flowId: body.cloneFlowId! }, { priority: 'change' })).categories
        const created = await upstream.createFlow(scope, {
          name: body.name,
          categories: chosen as (typeof flowCategories)[number][],
          ...(body.endPointUri === undefined ? {} : { endPointUri: body.endPointUri }),
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
    .put('/accounts/:accountId/channels/:channelId/flows/:flowId', tooLarge, async (c) => {
      const params = flowParams(c)
      const body = await bodyOf(c, updateBody)
      checkJsonSize(body.flowJson)
      const expected = expectedHash(c)
      const restored = body.flowJson === undefined ? undefined : restoredVersion(c)
      const spec = {
        action: 'flow.update' as const,
        params,
        ...(restored ? { notes: { reason: `restored version ${restored.versionId}` } } : {}),
        lockKey: `${params.accountId}/${params.channelId}/${params.flowId}`,
        busy: 'This flow is already being changed; wait for that to finish, then refresh',
        done: 'updated' as const,
        flowName: body.name ?? flowNameFrom(c.req.header('x-flow-name')),
      }
      const result: FlowWriteResult = await change(c, spec, async (notes) => {
        if (body.flowJson !== undefined) {
          // The JSON as it is now at 8x8: compared with what the operator opened, and kept before it is replaced.
          const current = await upstream.readFlowForBackup(params)
          const currentHash = jsonHash(current.json)
          if (expected !== undefined && currentHash !== expected) {
            throw new ProxyError(409, proxyErrorCodes.flowChanged, 'The flow changed at 8x8 since you opened it (another operator or console saved it). Compare both texts before saving again.', {
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
      return c.json(result)
    })
    .post('/accounts/:accountId/channels/:channelId/flows/:flowId/publish', async (c) => {
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
      await change(c, spec, () => upstream.publishFlow(params))
      return c.body(null, 204)
    })
}
