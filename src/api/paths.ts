/** Where the proxy serves one channel's resources: ids are encoded, whatever they hold. */
export type ChannelScope = { accountId: string; channelId: string }

export function channelPath({ accountId, channelId }: ChannelScope): string {
  return `/api/v1/accounts/${encodeURIComponent(accountId)}/channels/${encodeURIComponent(channelId)}`
}
