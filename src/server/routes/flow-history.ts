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
import type { routeGuards } from '../auth/authorize'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** How many versions a page of a history shows, unless asked for another number (1 to 500). */
export const historyPage = 100

/**
 * Where a page of a history ends: at a version (`v`) or at a copy kept before a delete (`c`), with its
 * time and ID. Versions come in the database's own order (time, then ID), and a copy after the
 * versions of its millisecond: so a page goes on where the last one stopped, whatever the database's
 * collation of IDs.
 */
const cursorPattern = /^(v|c)~(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/
type Cursor = { kind: 'v' | 'c'; takenAt: string; id: string }

function cursorOf(c: Context<AppEnv>): Cursor | undefined {
  const before = c.req.query('before')
  if (before === undefined) return undefined
  const match = cursorPattern.exec(before)
  if (!match) throw invalid('before is not a page of this history (the `next` of the page before)')
  return { kind: match[1] as Cursor['kind'], takenAt: match[2], id: match[3] }
}

function pageSize(c: Context<AppEnv>): number {
  const limit = c.req.query('limit')
  if (limit === undefined) return historyPage
  if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 500) throw invalid('limit must be a whole number from 1 to 500')
  return Number(limit)
}

/**
 * A flow's history, from the store: its versions (before and after each save, as first seen) and the
 * copies kept before its deletes, newest first, a page at a time; and each one's JSON, exactly as kept.
 */
export function flowHistoryRoutes({ config, versions, backups, guard }: { config: ServerConfig; versions: FlowVersions; backups?: FlowBackups; guard: ReturnType<typeof routeGuards> }) {
  function flowParams(c: Context<AppEnv>) {
    const scope = resolveScope(config, c.req.param() as { accountId: string; channelId: string })
    const flowId = c.req.param('flowId') ?? ''
    if (!isFlowId(flowId)) throw invalid('flowId is not a flow id')
    return { ...scope, flowId }
  }

  return new Hono<AppEnv>()
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId/versions', guard('read'), async (c) => {
      const params = flowParams(c)
      const limit = pageSize(c)
      const before = cursorOf(c)
      const [kept, ownCopies, count] = await Promise.all([
        versions.list(params, limit + 1, before && { takenAt: before.takenAt, versionId: before.kind === 'v' ? before.id : undefined }),
        backups ? backups.ofFlow(params) : Promise.resolve([]),
        versions.count(params),
      ])
      // Copies newest first, and among those of one millisecond by ID (the cursor compares them so).
      const copies = ownCopies
        .map((copy) => ({ copy, at: copy.deletedAt, id: copy.backupId }))
        .toSorted((a, b) => b.at.localeCompare(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .filter(({ at, id }) => !before || at < before.takenAt || (at === before.takenAt && (before.kind === 'v' || id < before.id)))
      // Merged by time; a version before a copy of the same millisecond.
      const page: { entry: FlowVersionEntry; cursor: string }[] = []
      let v = 0
      let k = 0
      while (page.length < limit && (v < kept.length || k < copies.length)) {
        const version = kept[v]
        const copy = copies[k]
        if (version && (!copy || version.takenAt >= copy.at)) {
          const { hash: _hash, ...entry } = version
          page.push({ entry, cursor: `v~${version.takenAt}~${version.versionId}` })
          v += 1
        } else {
          page.push({
            entry: { versionId: `${copyVersionPrefix}${copy.id}`, source: 'deleted-copy', takenAt: copy.at, takenBy: copy.copy.deletedBy, size: null, validationErrorCount: copy.copy.validationErrorCount, origin: null },
            cursor: `c~${copy.at}~${copy.id}`,
          })
          k += 1
        }
      }
      const more = v < kept.length || k < copies.length
      const latestCopy = ownCopies[0]
      const body: FlowHistory = {
        versions: page.map(({ entry }) => entry),
        total: count + ownCopies.length,
        ...(more ? { next: page.at(-1)!.cursor } : {}),
        ...(latestCopy ? { deleted: { name: latestCopy.name, categories: latestCopy.categories } } : {}),
      }
      return c.json(body)
    })
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId/versions/:versionId/json', guard('read'), async (c) => {
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
