/**
 * One channel's resources: ids are encoded, whatever they hold. The proxy serves the same paths as
 * 8x8 (the browser calls them on the proxy, the proxy on 8x8).
 */
export type ChannelScope = { accountId: string; channelId: string }

export function channelPath({ accountId, channelId }: ChannelScope): string {
  return `/api/v1/accounts/${encodeURIComponent(accountId)}/channels/${encodeURIComponent(channelId)}`
}
