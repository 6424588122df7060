import { Hono, type Context } from 'hono'
import type { Logger } from 'pino'
import type { DeletedFlowList, RestoreResult } from '../../shared/deleted-flows'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { AppEnv } from '../app-env'
import type { ServerConfig } from '../config'
import type { FlowBackups, StoredFlowBackup } from '../store/flow-backups'
import type { CreateFlowRequest } from '../upstream/api-types'
import type { UpstreamClient } from '../upstream/client'
import { ProxyError } from '../upstream/errors'
import { flowAtUpstream } from '../recovery/delete-outcome'
import type { auditedChanges } from './audited-change'
import { invalid, jsonFileName, parseLimit, resolveScope } from './request-checks'

const backupIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function alreadyRestored(backup: StoredFlowBackup) {
  const restored = backup.restored!
  return new ProxyError(
    409,
    proxyErrorCodes.alreadyRestored,
    `This copy was already restored as flow ${restored.flowId}${restored.by ? ` by ${restored.by}` : ''} at ${restored.at}; restoring it again would make a duplicate`,
  )
}

export type DeletedFlowRoutesDependencies = {
  config: ServerConfig
  upstream: UpstreamClient
  backups: FlowBackups
  logger: Logger
  change: ReturnType<typeof auditedChanges>
}

/**
 * A channel's copies of deleted flows: the list, each copy's JSON, and restore (a new draft made by
 * 8x8's create-flow from the copy; sent once, never retried, one restore of a copy at a time).
 */
export function deletedFlowRoutes({ config, upstream, backups, logger, change }: DeletedFlowRoutesDependencies) {
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
    .get('/accounts/:accountId/channels/:channelId/deleted-flows', async (c) => {
      const scope = resolveScope(config, c.req.param())
      const body: DeletedFlowList = {
        deletedFlows: await backups.list(scope, parseLimit(c.req.query('limit') ?? '200')),
        retentionDays: config.retentionDays,
      }
      return c.json(body)
    })
    .get('/accounts/:accountId/channels/:channelId/deleted-flows/:backupId/json', async (c) => {
      const { backup } = await backupOf(c)
      return c.body(backup.flowJson, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${jsonFileName(backup.name, backup.flowId)}"`,
      })
    })
    .post('/accounts/:accountId/channels/:channelId/deleted-flows/:backupId/restore', async (c) => {
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
        const created = await upstream.createFlow(scope, {
          name: backup.name,
          // As 8x8 gave them: a category it added since the spec was written goes back as it came.
          categories: backup.categories as CreateFlowRequest['categories'],
          flowJson: backup.flowJson,
          ...(backup.endPointUri === null ? {} : { endPointUri: backup.endPointUri }),
        })
        notes.newFlowId = created.id
        const restored = { flowId: created.id, by: c.get('operator'), at: new Date().toISOString() }
        await backups
          .markRestored(backup.backupId, restored)
          .catch((error: unknown) => logger.error({ err: error, backupId: backup.backupId, restored }, 'the restore could not be recorded with its copy'))
        return { flowId: created.id, name: backup.name, validationErrors: created.validationErrors }
      })
      return c.json(result)
    })
}
