import { Hono, type Context } from 'hono'
import type { Logger } from 'pino'
import type { DeletedFlowList, RestoreResult } from '../../shared/deleted-flows'
import { flowListLimit } from '../../shared/ids'
import type { ChannelScope } from '../../shared/paths'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { AppEnv } from '../app-env'
import type { ServerConfig } from '../config'
import type { FlowVersions } from '../store/flow-versions'
import type { FlowBackups, StoredFlowBackup } from '../store/flow-backups'
import type { CreateFlowRequest } from '../upstream/api-types'
import type { UpstreamClient } from '../upstream/client'
import { ProxyError } from '../upstream/errors'
import { flowAtUpstream } from '../recovery/delete-outcome'
import { outcomeOf, type auditedChanges } from './audited-change'
import { sameFlowName } from './flow-names'
import { invalid, jsonFileName, parseLimit, resolveScope } from './request-checks'
import type { routeGuards } from '../auth/authorize'
import { bulkRunHeader } from '../../shared/deleted-flows'

const backupIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function alreadyRestored(backup: StoredFlowBackup) {
  const restored = backup.restored!
  return new ProxyError(
    409,
    proxyErrorCodes.alreadyRestored,
    `This copy was already restored as flow ${restored.flowId}${restored.by ? ` by ${restored.by}` : ''} at ${restored.at}; restoring it again would make a duplicate`,
  )
}

/** The channel's drafts named as the copy, other than the deleted flow itself: what a restore could be confused with. */
async function draftsNamedAs(upstream: UpstreamClient, scope: ChannelScope, copy: StoredFlowBackup): Promise<string[]> {
  const { flows } = await upstream.listFlows(scope, { limit: flowListLimit.max }, { fresh: true, priority: 'change' })
  return flows.filter((flow) => flow.status === 'DRAFT' && sameFlowName(flow.name, copy.name) && flow.id !== copy.flowId).map((flow) => flow.id)
}

/** The draft an unconfirmed restore made, when the list shows exactly one that was not there before it. */
function madeByEarlierRestore(copy: StoredFlowBackup, drafts: string[]): string | undefined {
  if (copy.restoreUnconfirmedAt === null || copy.restorePriorIds === null) return undefined
  const made = drafts.filter((id) => !copy.restorePriorIds!.includes(id))
  if (made.length > 1) {
    throw new ProxyError(
      409,
      proxyErrorCodes.restoreNotConfirmed,
      `Restore not confirmed: ${made.length} new drafts named “${copy.name}” are in the list since the first restore (${made.join(', ')}). Flows Admin cannot tell which one it made, so it creates none: check the list.`,
    )
  }
  return made[0]
}

export type DeletedFlowRoutesDependencies = {
  config: ServerConfig
  upstream: UpstreamClient
  backups: FlowBackups
  logger: Logger
  change: ReturnType<typeof auditedChanges>
  /** The history: a restored flow's starts with the copy it came from. */
  versions?: FlowVersions
  guard: ReturnType<typeof routeGuards>
}

/**
 * A channel's copies of deleted flows: the list, each copy's JSON, and restore (a new draft made by
 * 8x8's create-flow from the copy; sent once, never retried, one restore of a copy at a time).
 */
export function deletedFlowRoutes({ config, upstream, backups, logger, change, versions, guard }: DeletedFlowRoutesDependencies) {
  async function backupOf(c: Context<AppEnv>) {
    const scope = resolveScope(config, c.req.param() as { accountId: string; channelId: string })
    const backupId = c.req.param('backupId') ?? ''
    if (!backupIdPattern.test(backupId)) throw invalid('backupId is not the ID of a copy of a deleted flow')
    const backup = await backups.find(scope, backupId)
    if (!backup) {
      throw new ProxyError(404, proxyErrorCodes.notFound, `No copy ${backupId} in this channel (copies are kept ${config.retentionDays} days)`)
    }
    return { scope, backup }
  }

  return new Hono<AppEnv>()
    .get('/accounts/:accountId/channels/:channelId/deleted-flows', guard('read'), async (c) => {
      const scope = resolveScope(config, c.req.param())
      const body: DeletedFlowList = {
        deletedFlows: await backups.list(scope, parseLimit(c.req.query('limit') ?? '200')),
        retentionDays: config.retentionDays,
      }
      return c.json(body)
    })
    .get('/accounts/:accountId/channels/:channelId/deleted-flows/:backupId/json', guard('read'), async (c) => {
      const { backup } = await backupOf(c)
      return c.body(backup.flowJson, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${jsonFileName(backup.name, backup.flowId)}"`,
      })
    })
    .post('/accounts/:accountId/channels/:channelId/deleted-flows/:backupId/restore', guard('edit', { audit: 'flow.restore', needs: (c) => (c.req.header(bulkRunHeader) === undefined ? 'edit' : 'bulk') }), async (c) => {
      const { scope, backup } = await backupOf(c)
      if (backup.restored) throw alreadyRestored(backup)
      const spec = {
        action: 'flow.restore' as const,
        params: { ...scope, flowId: backup.flowId },
        lockKey: `restore/${backup.backupId}`,
        busy: 'This flow is already being restored from this copy; wait for that to finish, then refresh',
        done: 'restored' as const,
        flowName: backup.name,
        notes: { backupId: backup.backupId },
      }
      const result: RestoreResult = await change(c, spec, async (notes) => {
        // Read again under the lock: another tab or instance may have restored it meanwhile.
        const current = await backups.find(scope, backup.backupId)
        if (current?.restored) throw alreadyRestored(current)
        // A delete that was never confirmed (cut off, or unanswered): restore only what 8x8 no longer has.
        if (current && current.state !== 'deleted') {
          if ((await flowAtUpstream(upstream, { ...scope, flowId: current.flowId })) === 'there') {
            throw new ProxyError(
              409,
              proxyErrorCodes.flowNotDeleted,
              `8x8 still has flow ${current.flowId}: its delete did not go through, so there is nothing to restore. It is in the flows list.`,
            )
          }
          await backups.settle(current.backupId, 'deleted')
        }
        const copy = current ?? backup
        // A create that timed out may have made the flow: look for it before making another.
        const drafts = await draftsNamedAs(upstream, scope, copy)
        const found = madeByEarlierRestore(copy, drafts)
        if (found !== undefined) {
          notes.newFlowId = found
          notes.reason = 'found in the list: an earlier restore that 8x8 did not confirm had made it; nothing was created'
          await backups.markRestored(copy.backupId, { flowId: found, by: c.get('operator'), at: new Date().toISOString() })
          return { flowId: found, name: copy.name, validationErrors: [], foundInList: true as const }
        }
        let marked: boolean
        try {
          marked = await backups.markRestoreSent(copy.backupId, { at: new Date().toISOString(), priorIds: drafts })
        } catch (error) {
          throw new ProxyError(503, proxyErrorCodes.auditUnavailable, 'The restore could not be recorded before it was sent, so nothing was created', { cause: error })
        }
        if (!marked) {
          // Restored meanwhile (another instance), or pruned meanwhile: said as such, never as a crash.
          const now = await backups.find(scope, copy.backupId)
          if (now?.restored) throw alreadyRestored(now)
          throw new ProxyError(404, proxyErrorCodes.notFound, `No copy ${copy.backupId} in this channel any more (copies are kept ${config.retentionDays} days)`)
        }
        let created: Awaited<ReturnType<UpstreamClient['createFlow']>>
        try {
          created = await upstream.createFlow(scope, {
            name: copy.name,
            // As 8x8 gave them: a category it added since the spec was written goes back as it came.
            categories: copy.categories as CreateFlowRequest['categories'],
            flowJson: copy.flowJson,
            ...(copy.endPointUri === null ? {} : { endPointUri: copy.endPointUri }),
          })
        } catch (error) {
          // Refused: nothing was made. Otherwise 8x8 may have made it: the mark stays for the next restore to look.
          if (outcomeOf(error).result === 'refused') {
            await backups.restoreRefused(copy.backupId).catch((cause: unknown) => logger.error({ err: cause, backupId: copy.backupId }, 'the refused restore could not be cleared'))
          }
          throw error
        }
        notes.newFlowId = created.id
        const restored = { flowId: created.id, by: c.get('operator'), at: new Date().toISOString() }
        await backups
          .markRestored(backup.backupId, restored)
          .catch((error: unknown) => logger.error({ err: error, backupId: backup.backupId, restored }, 'the restore could not be recorded with its copy'))
        // The new flow's history starts where the deleted one's ended: with the copy (origin: the old flow).
        await versions
          ?.keep({ ...scope, flowId: created.id, json: copy.flowJson, source: 'restored', origin: `flow:${copy.flowId}`, validationErrorCount: created.validationErrors.length, requestId: c.get('requestId'), takenBy: c.get('operator') })
          .catch((error: unknown) => logger.warn({ err: error, flowId: created.id }, 'the restored flow\'s first version could not be kept'))
        return { flowId: created.id, name: backup.name, validationErrors: created.validationErrors }
      })
      return c.json(result)
    })
}
