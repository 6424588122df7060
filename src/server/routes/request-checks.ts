import type { ChannelScope } from '../../shared/paths'
import { proxyErrorCodes } from '../../shared/error-codes'
import { flowListLimit, isAccountId, isChannelId, sameAccountId } from '../../shared/ids'
import type { ServerConfig } from '../config'
import { ProxyError } from '../upstream/errors'

// What the routes check of a request before anything reaches 8x8.

export function invalid(message: string) {
  return new ProxyError(400, proxyErrorCodes.invalidRequest, message)
}

/** Malformed ids are a 400, well-formed but unconfigured ones a 404; neither reaches 8x8. */
export function resolveScope(config: ServerConfig, params: { accountId: string; channelId: string }): ChannelScope {
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

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return flowListLimit.default
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN
  if (!(limit >= flowListLimit.min && limit <= flowListLimit.max)) {
    throw invalid(`limit must be a whole number from ${flowListLimit.min} to ${flowListLimit.max}`)
  }
  return limit
}

/** The flow's name as the operator saw it, sent by the browser for the audit log (URI-encoded, capped). */
export function flowNameFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  try {
    return decodeURIComponent(header).slice(0, 200)
  } catch {
    return undefined
  }
}

/** A file name for a download: the flow's name made safe, and its id. */
export function jsonFileName(name: string, flowId: string): string {
  const safe = name.normalize('NFKD').replace(/[^\w .-]+/g, '').trim().replace(/\s+/g, '-').slice(0, 80)
  return `${safe === '' ? 'flow' : safe}-${flowId}.json`
}
