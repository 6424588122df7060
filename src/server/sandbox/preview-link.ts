/**
 * The sandbox has no Meta to draw a preview, so its emulator answers a `preview_url` on a reserved
 * origin (`.invalid` never resolves, RFC 2606: a live 8x8 cannot answer one), and the server hands the
 * browser the console's own page for it instead: the phone preview of the saved JSON, framed as Meta's
 * page would be.
 */
export const sandboxPreviewOrigin = 'https://preview.sandbox.invalid'

/** The emulator's `preview_url` for a flow. */
export function sandboxPreviewUrl(path: { accountId: string; channelId: string; flowId: string }, token: string): string {
  return `${sandboxPreviewOrigin}/accounts/${encodeURIComponent(path.accountId)}/channels/${encodeURIComponent(path.channelId)}/flows/${encodeURIComponent(path.flowId)}/phone?token=${token}`
}

/** The console's own address for a sandbox preview link; any other link is returned as it is. */
export function consolePreviewUrl(previewUrl: string): string {
  return previewUrl.startsWith(`${sandboxPreviewOrigin}/`) ? previewUrl.slice(sandboxPreviewOrigin.length) : previewUrl
}
