import { flowListLimit } from './ids'

/**
 * One channel's resources: ids are encoded, whatever they hold. The proxy serves the same paths as
 * 8x8 (the browser calls them on the proxy, the proxy on 8x8).
 */
export type ChannelScope = { accountId: string; channelId: string }

/** What the browser needs to know about this deployment (never a secret). */
export const configPath = '/api/config'

export function channelPath({ accountId, channelId }: ChannelScope): string {
  return `/api/v1/accounts/${encodeURIComponent(accountId)}/channels/${encodeURIComponent(channelId)}`
}

/** The whole list of a channel's flows: 8x8 has no paging, only `limit`, so its maximum. */
export function flowListPath(scope: ChannelScope): string {
  return `${channelPath(scope)}/flows?limit=${flowListLimit.max}`
}

export function templatesPath(scope: ChannelScope): string {
  return `${channelPath(scope)}/templates`
}
