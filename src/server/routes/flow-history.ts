import { Hono, type Context } from 'hono'
import { proxyErrorCodes } from '../../shared/error-codes'
import { copyVersionPrefix, type FlowHistory, type FlowVersionEntry } from '../../shared/flow-history'
import { isFlowId } from '../../shared/ids'
import type { AppEnv } from '../app-env'
import type { ServerConfig } from '../config'
import type { FlowBackups } from '../store/flow-backups'
import type { FlowVersions } from '../store/flow-versions'
import { ProxyError } from '../upstream/errors'
import { invalid, jsonFileName, resolveScope } from './request-checks'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** How many versions a history shows (a flow saved every day for the retention period fits). */
export const historyLimit = 500

/**
 * A flow's history, from the store: its versions (before and after each save, as first seen) and the
 * copies kept before its deletes, newest first; and each one's JSON, exactly as kept.
 */
export function flowHistoryRoutes({ config, versions, backups }: { config: ServerConfig; versions: FlowVersions; backups?: FlowBackups }) {
  function flowParams(c: Context<AppEnv>) {
    const scope = resolveScope(config, c.req.param() as { accountId: string; channelId: string })
    const flowId = c.req.param('flowId') ?? ''
    if (!isFlowId(flowId)) throw invalid('flowId is not a flow id')
    return { ...scope, flowId }
  }

  return new Hono<AppEnv>()
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId/versions', async (c) => {
      const params = flowParams(c)
      const kept: FlowVersionEntry[] = (await versions.list(params, historyLimit)).map(({ hash: _hash, ...version }) => version)
      const ownCopies = backups ? (await backups.list(params, historyLimit)).filter((copy) => copy.flowId === params.flowId) : []
      const copies: FlowVersionEntry[] = ownCopies.map((copy) => ({
              versionId: `${copyVersionPrefix}${copy.backupId}`,
              source: 'deleted-copy',
              takenAt: copy.deletedAt,
              takenBy: copy.deletedBy,
              size: null,
              validationErrorCount: copy.validationErrorCount,
        origin: null,
      }))
      const latestCopy = ownCopies[0]
      const body: FlowHistory = {
        versions: [...kept, ...copies].toSorted((a, b) => b.takenAt.localeCompare(a.takenAt)).slice(0, historyLimit),
        ...(latestCopy ? { deleted: { name: latestCopy.name, categories: latestCopy.categories } } : {}),
      }
      return c.json(body)
    })
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId/versions/:versionId/json', async (c) => {
      const params = flowParams(c)
      const versionId = c.req.param('versionId')
      let json: string | undefined
      if (versionId.startsWith(copyVersionPrefix) && uuid.test(versionId.slice(copyVersionPrefix.length))) {
        const copy = await backups?.find(params, versionId.slice(copyVersionPrefix.length))
        json = copy?.flowId === params.flowId ? copy.flowJson : undefined
      } else if (uuid.test(versionId)) {
        json = await versions.json(params, versionId)
      } else {
        throw invalid('versionId is not a version of this flow')
      }
      if (json === undefined) throw new ProxyError(404, proxyErrorCodes.notFound, `No version ${versionId} of flow ${params.flowId} (versions are kept ${config.retentionDays} days; each flow's latest always)`)
      return c.body(json, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${jsonFileName(`version-${versionId.slice(0, 8)}`, params.flowId)}"`,
      })
    })
}
