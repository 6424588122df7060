import { Hono } from 'hono'
import { proxyErrorCodes } from '../../shared/error-body'
import { flowListLimit, isAccountId, isChannelId, isFlowId, sameAccountId } from '../../shared/ids'
import type { AppEnv } from '../app-env'
import type { ServerConfig } from '../config'
import type { ChannelScope, UpstreamClient } from '../upstream/client'
import { ProxyError } from '../upstream/errors'

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

export function flowRoutes({ config, upstream }: { config: ServerConfig; upstream: UpstreamClient }) {
  return new Hono<AppEnv>()
    .get('/accounts/:accountId/channels/:channelId/flows', async (c) => {
      const scope = resolveScope(config, c.req.param())
      const list = await upstream.listFlows(scope, { limit: parseLimit(c.req.query('limit')) }, { signal: c.req.raw.signal })
      return c.json(list)
    })
    .delete('/accounts/:accountId/channels/:channelId/flows/:flowId', async (c) => {
      const scope = resolveScope(config, c.req.param())
      const flowId = c.req.param('flowId')
      if (!isFlowId(flowId)) throw invalid('flowId is not a flow id')
      // Not tied to the browser's connection: a delete 8x8 has started is seen through and logged,
      // even if the operator closes the tab.
      await upstream.deleteFlow({ ...scope, flowId })
      return c.body(null, 204)
    })
}
