import type { AuditEntry } from '../../shared/audit'
import type { Channel } from '../../shared/flow'
import type { FailedRequest, LookupResult } from '../../shared/lookup'
import { formatTime } from '../../components/date-time'

/** The facts a lookup shows, and the same as text for a ticket. */
export const when = (iso: string) => {
  const shown = formatTime(iso)
  return shown === iso ? iso : `${shown} (${iso})`
}

/** What the request was doing, from its method and route. */
export function actionOf(method: string, route: string): string {
  if (method === 'DELETE' && /\/flows\/[^/]+$/.test(route)) return 'Delete flow'
  if (method === 'POST' && route.endsWith('/deprecate')) return 'Deprecate flow'
  if (method === 'POST' && route.endsWith('/restore')) return 'Restore flow'
  if (method === 'GET' && route.endsWith('/json')) return 'Download flow JSON'
  if (method === 'GET' && route.endsWith('/templates')) return 'Load templates'
  if (method === 'GET' && route.endsWith('/deleted-flows')) return 'Load deleted flows'
  if (method === 'GET' && route.endsWith('/preview')) return 'Get preview link'
  if (method === 'GET' && /\/flows\/[^/]+$/.test(route)) return 'Flow details'
  if (method === 'GET' && route.endsWith('/flows')) return 'Load flows'
  return `${method} ${route}`
}

export const auditAction: Record<AuditEntry['action'], string> = {
  'flow.delete': 'Delete flow',
  'flow.deprecate': 'Deprecate flow',
  'flow.restore': 'Restore flow',
  'flow.create': 'Create flow',
  'flow.clone': 'Clone flow',
  'flow.update': 'Save flow',
  'flow.publish': 'Publish flow',
}
const reporter = (source: FailedRequest['source']) => (source === 'upstream' ? '8x8' : 'Flows Admin server')

export type Fact = { label: string; value: string | null | undefined; copy?: boolean }

export function facts(failure: FailedRequest | undefined, audit: AuditEntry[], channels: Channel[]): Fact[] {
  const outcome = audit.findLast((entry) => entry.phase === 'outcome')
  const first = audit[0]
  const channelId = failure?.channelId ?? first?.channelId
  const channel = channels.find((c) => c.id === channelId)
  const list: Fact[] = [
    { label: 'When', value: when(failure?.time ?? outcome?.time ?? first?.time ?? '') },
    { label: 'Who', value: failure?.operator ?? first?.operator ?? 'No sign-in' },
    { label: 'What', value: failure ? actionOf(failure.method, failure.route) : first && auditAction[first.action] },
    { label: 'Account ID', value: failure?.accountId ?? first?.accountId, copy: true },
    { label: 'Channel', value: channel ? channel.name : channelId },
    { label: 'Channel ID', value: channelId, copy: true },
    { label: 'Flow', value: audit.find((entry) => entry.flowName)?.flowName },
    { label: 'Flow ID', value: failure?.flowId ?? first?.flowId, copy: true },
    { label: 'HTTP status', value: String(failure?.status ?? outcome?.status ?? '') },
    { label: 'Code', value: String(failure?.code ?? outcome?.code ?? '') },
    { label: 'Message', value: failure?.message },
    { label: 'Reported by', value: failure ? reporter(failure.source) : undefined },
    { label: 'Cause', value: failure?.cause },
    { label: 'Result', value: outcome?.result },
    { label: 'Duration', value: outcome?.durationMs === undefined ? undefined : `${outcome.durationMs} ms` },
    { label: 'Error ID', value: failure?.errorId ?? outcome?.errorId, copy: true },
    { label: 'Request ID', value: failure?.requestId ?? first?.requestId, copy: true },
  ]
  return list.filter((fact) => fact.value !== undefined && fact.value !== null && fact.value !== '')
}

/** The lot as text, for a support ticket. */
export function detailsText(result: LookupResult, channels: Channel[]): string {
  const groups = result.failures.length > 0 ? result.failures.map((failure) => facts(failure, auditOf(result, failure), channels)) : [facts(undefined, result.audit, channels)]
  const lines = groups.flatMap((group, index) => [...(index > 0 ? [''] : []), ...group.map((fact) => `${fact.label}: ${fact.value}`)])
  const auditLines = result.audit.map(
    (entry) => `  ${entry.time} ${entry.phase} ${entry.action} ${entry.result ?? ''} ${entry.status ?? ''} ${entry.code ?? ''} ${entry.errorId ?? ''}`.trimEnd(),
  )
  return [`Flows Admin lookup of ${result.id}`, ...lines, ...(auditLines.length > 0 ? ['Audit trail:', ...auditLines] : [])].join('\n')
}

export function auditOf(result: LookupResult, failure: FailedRequest) {
  return result.audit.filter((entry) => entry.requestId === failure.requestId)
}

