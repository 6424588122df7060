import { channelPath } from '../../shared/paths'
import type { FlowPathParams } from './api-types'
import type { ChannelScope } from './client-types'

// Where the client sends its requests: 8x8's paths, and the only hosts a flow's JSON may come from.

export function flowsPath(scope: ChannelScope): string {
  return `${channelPath(scope)}/flows`
}

export function flowPath(params: FlowPathParams): string {
  return `${flowsPath(params)}/${encodeURIComponent(params.flowId)}`
}

/** Where 8x8's flowJsonUrl may point: Meta's CDN (and, for test servers, 8x8's own origin). */
export function isAllowedFlowJsonUrl(url: string, baseUrl: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.origin === new URL(baseUrl).origin) return true
  const host = parsed.hostname
  return parsed.protocol === 'https:' && (host.endsWith('.whatsapp.net') || host.endsWith('.fbcdn.net'))
}
