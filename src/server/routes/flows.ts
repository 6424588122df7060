import { Hono, type Context } from 'hono'
import type { Logger } from 'pino'
import type { AuditEntry, AuditList } from '../../shared/audit'
import { proxyErrorCodes } from '../../shared/error-body'
import { flowListLimit, isAccountId, isChannelId, isFlowId, sameAccountId } from '../../shared/ids'
import type { AppEnv } from '../app-env'
import type { FlowDetails, FlowPreview } from '../../shared/flow'
import type { ServerConfig } from '../config'
import type { FlowPathParams } from '../upstream/api-types'
import type { ChannelScope, UpstreamClient } from '../upstream/client'
import type { AuditLog } from '../audit/audit-log'
import { ProxyError, UpstreamError } from '../upstream/errors'
import { createChangeLock, type ChangeLock } from './change-lock'

function invalid(message: string) {
  return new ProxyError(400, proxyErrorCodes.invalidRequest, message)
}

/** Malformed ids are a 400, well-formed but unconfigured ones a 404; neither reaches 8x8. */
function resolveScope(config: ServerConfig, params: { accountId: string; channelId: string }): ChannelScope {
  if (!isAccountId(params.accountId)) throw invalid('accountId is not an 8x8 account id (a UUID, dashes optional)')
  if (!isChannelId(params.channelId)) throw invalid('channelId is not a channel id')
  if (!sameAccountId(params.accountId, config.accountId)) {
    throw new ProxyError(404, proxyErrorCodes.notFound, `Account ${params.accountId} is not configured in Flows Admin`)
  }
  if (!config.channels.some((channel) => channel.id === params.channelId)) {
    throw new ProxyError(404, proxyErrorCodes.notFound, `Channel ${params.channelId} is not configured in Flows Admin`)
  }
  return { accountId: config.accountId, channelId: params.channelId }
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return flowListLimit.default
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN
  if (!(limit >= flowListLimit.min && limit <= flowListLimit.max)) {
    throw invalid(`limit must be a whole number from ${flowListLimit.min} to ${flowListLimit.max}`)
  }
  return limit
}

/** The flow's name as the operator saw it, sent by the browser for the audit log (URI-encoded, capped). */
function flowNameFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  try {
    return decodeURIComponent(header).slice(0, 200)
  } catch {
    return undefined
  }
}

function outcomeOf(error: unknown): Outcome {
  if (error instanceof UpstreamError) {
    return { result: error.status < 500 ? 'refused' : 'failed', status: error.status, code: error.body.code, errorId: error.body.errorId }
  }
  if (error instanceof ProxyError) {
    return {
      result: error.code === proxyErrorCodes.upstreamTimeout ? 'unknown' : 'failed',
      status: error.status,
      code: error.code,
      errorId: error.errorId,
    }
  }
  return { result: 'failed', status: 500, code: proxyErrorCodes.internal }
}

export type FlowRoutesDependencies = { config: ServerConfig; upstream: UpstreamClient; audit: AuditLog; logger: Logger; changeLock?: ChangeLock }

type Outcome = Pick<AuditEntry, 'result' | 'status' | 'code' | 'errorId'>

/** A file name for a download: the flow's name made safe, and its id. */
function jsonFileName(name: string, flowId: string): string {
  const safe = name.normalize('NFKD').replace(/[^\w .-]+/g, '').trim().replace(/\s+/g, '-').slice(0, 80)
  return `${safe === '' ? 'flow' : safe}-${flowId}.json`
}

export function flowRoutes({ config, upstream, audit, logger, changeLock = createChangeLock() }: FlowRoutesDependencies) {
  function flowScope(c: Context<AppEnv>) {
    const scope = resolveScope(config, c.req.param() as { accountId: string; channelId: string })
    const flowId = c.req.param('flowId') ?? ''
    if (!isFlowId(flowId)) throw invalid('flowId is not a flow id')
    return { ...scope, flowId }
  }

  /**
   * Runs a state-changing call to 8x8 between two audit lines: `attempt` (fsynced first; if it cannot
   * be written nothing is sent: fail closed) and `outcome`. One change per flow at a time: a second
   * while the first is with 8x8 is refused with 409 and neither sent nor audited.
   */
  async function audited(c: Context<AppEnv>, action: AuditEntry['action'], done: Outcome['result'], run: (params: FlowPathParams) => Promise<void>) {
    const params = flowScope(c)
    // A second change while the first is with 8x8 would reach 8x8 as a duplicate (404 or 400 after the
    // first succeeded) and record two outcomes for one intent.
    const key = `${params.accountId}/${params.channelId}/${params.flowId}`
    let acquired: boolean
    try {
      acquired = await changeLock.acquire(key)
    } catch (error) {
      throw new ProxyError(503, proxyErrorCodes.auditUnavailable, 'The database cannot be reached, so nothing was changed', { cause: error })
    }
    if (!acquired) {
      throw new ProxyError(409, proxyErrorCodes.changeInProgress, 'This flow is already being changed; wait for that to finish, then refresh', {
        headers: { 'retry-after': '1' },
      })
    }
    try {
      return await sendAudited(c, action, done, params, run)
    } finally {
      await changeLock.release(key).catch((error: unknown) => logger.warn({ err: error, flow: key }, 'the change lock could not be given back; it expires by itself'))
    }
  }

  async function sendAudited(
    c: Context<AppEnv>,
    action: AuditEntry['action'],
    done: Outcome['result'],
    params: FlowPathParams,
    run: (params: FlowPathParams) => Promise<void>,
  ) {
    const started = performance.now()
    const base = {
      requestId: c.get('requestId'),
      operator: c.get('operator'),
      action,
      ...params,
      flowName: flowNameFrom(c.req.header('x-flow-name')),
    }
    try {
      await audit.append({ time: new Date().toISOString(), phase: 'attempt', ...base })
    } catch (error) {
      throw new ProxyError(503, proxyErrorCodes.auditUnavailable, 'The audit log cannot be written, so nothing was changed', {
        cause: error,
      })
    }
    let outcome: Outcome = { result: done, status: 204 }
    try {
      // Not tied to the browser's connection: a change 8x8 has started is seen through and recorded,
      // even if the operator closes the tab.
      await run(params)
    } catch (error) {
      outcome = outcomeOf(error)
      throw error
    } finally {
      const entry: AuditEntry = {
        time: new Date().toISOString(),
        phase: 'outcome',
        ...base,
        ...outcome,
        durationMs: Math.round(performance.now() - started),
      }
      await audit.append(entry).catch((error: unknown) =>
        // The attempt is on disk; the outcome is in the server log at least.
        logger.error({ err: error, audit: entry }, 'audit outcome could not be written'),
      )
    }
    return c.body(null, 204)
  }

  return new Hono<AppEnv>()
    .get('/accounts/:accountId/channels/:channelId/flows', async (c) => {
      const scope = resolveScope(config, c.req.param())
      const list = await upstream.listFlows(scope, { limit: parseLimit(c.req.query('limit')) }, { signal: c.req.raw.signal })
      return c.json(list)
    })
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId', async (c) => {
      const { flowJsonUrl: _kept, ...details } = await upstream.getFlow(flowScope(c), { signal: c.req.raw.signal })
      const body: FlowDetails = details
      return c.json(body)
    })
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId/json', async (c) => {
      const params = flowScope(c)
      const { name, json } = await upstream.getFlowJson(params, { signal: c.req.raw.signal })
      return c.body(json, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${jsonFileName(name, params.flowId)}"`,
      })
    })
    .get('/accounts/:accountId/channels/:channelId/flows/:flowId/preview', async (c) => {
      const refresh = c.req.query('refresh')
      if (refresh !== undefined && refresh !== 'true' && refresh !== 'false') throw invalid('refresh must be true or false')
      const body: FlowPreview = await upstream.getPreview(flowScope(c), { refresh: refresh === 'true' }, { signal: c.req.raw.signal })
      return c.json(body)
    })
    .delete('/accounts/:accountId/channels/:channelId/flows/:flowId', (c) =>
      audited(c, 'flow.delete', 'deleted', (params) => upstream.deleteFlow(params)),
    )
    .post('/accounts/:accountId/channels/:channelId/flows/:flowId/deprecate', (c) =>
      audited(c, 'flow.deprecate', 'deprecated', (params) => upstream.deprecateFlow(params)),
    )
    .get('/accounts/:accountId/channels/:channelId/audit', async (c) => {
      const scope = resolveScope(config, c.req.param())
      const limit = Math.min(parseLimit(c.req.query('limit') ?? '20'), 200)
      const entries = await audit.recent(scope, limit)
      const body: AuditList = { entries }
      return c.json(body)
    })
}
