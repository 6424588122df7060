import { http, HttpResponse } from 'msw'
import type { AuditEntry } from '../../shared/audit'
import type { DeletedFlow, DeleteResult, FlowTemplate, RestoreResult } from '../../shared/deleted-flows'
import type { AppConfig, Flow, FlowDetails } from '../../shared/flow'
import type { LookupResult } from '../../shared/lookup'

/** The proxy as the browser sees it, with data a test can shape. */
export const mockConfig: AppConfig = {
  mode: 'sandbox',
  accountId: '5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19',
  channels: [
    { id: 'retail-channel', name: 'Acme Retail' },
    { id: 'support-channel', name: 'Acme Support' },
    { id: 'empty-channel', name: 'Acme Staging' },
  ],
  auth: 'basic',
  operator: 'dana',
  upstreamTimeoutMs: 10_000,
  retentionDays: 90,
  keepsDeletedFlows: true,
  role: 'admin',
  refusals: {},
}

export function seedFlows(): Record<string, Flow[]> {
  return {
    'retail-channel': [
      { id: '1620387745519023', name: 'Old promo', status: 'DRAFT' },
      { id: '1145805540595505', name: 'Loan Collection', status: 'PUBLISHED' },
      { id: '1209946631278450', name: 'Newsletter sign-up (v1)', status: 'DEPRECATED' },
      { id: '1852263340057719', name: 'Store locator', status: 'THROTTLED' },
      { id: '987412365401287', name: 'Spring sale survey', status: 'DRAFT' },
    ],
    'support-channel': [{ id: '1023348871260095', name: 'Callback request', status: 'DRAFT' }],
    'empty-channel': [],
  }
}

/** Flows per channel, the audit log's outcome lines (oldest first), the copies of deleted flows, and templates per channel. */
export const mockDb: {
  flows: Record<string, Flow[]>
  audit: AuditEntry[]
  details: Record<string, Partial<FlowDetails>>
  deleted: (DeletedFlow & { channelId: string })[]
  templates: Record<string, FlowTemplate[]>
} = {
  flows: seedFlows(),
  audit: [],
  details: {},
  deleted: [],
  templates: {},
}

export function resetMockDb() {
  mockDb.flows = seedFlows()
  mockDb.audit = []
  mockDb.details = {}
  mockDb.deleted = []
  mockDb.templates = {}
  restoredCount = 0
  for (const id of Object.keys(mockLookups)) delete mockLookups[id]
}

export const channelUrl = '/api/v1/accounts/:accountId/channels/:channelId'
export const flowsUrl = `${channelUrl}/flows`
export const auditUrl = `${channelUrl}/audit`
export const deletedFlowsUrl = `${channelUrl}/deleted-flows`
export const templatesUrl = `${channelUrl}/templates`

let requestCount = 0
let restoredCount = 0

export const flowHandlers = [
  http.get('/api/config', () => HttpResponse.json(mockConfig)),
  http.get(flowsUrl, ({ params }) => HttpResponse.json({ flows: mockDb.flows[String(params.channelId)] ?? [] })),
  http.delete(`${flowsUrl}/:flowId`, ({ params, request }) => {
    const channelId = String(params.channelId)
    const flow = mockDb.flows[channelId].find((f) => f.id === params.flowId)
    mockDb.flows[channelId] = mockDb.flows[channelId].filter((f) => f.id !== params.flowId)
    // A copy is kept unless the operator asked for none.
    const backupId = request.headers.get('x-backup') === 'none' || !flow ? null : crypto.randomUUID()
    if (backupId !== null && flow) {
      const deletedAt = new Date().toISOString()
      mockDb.deleted.unshift({
        channelId,
        backupId,
        flowId: flow.id,
        name: flow.name,
        categories: ['OTHER'],
        status: flow.status,
        endPointUri: null,
        validationErrorCount: 0,
        deletedAt,
        deletedBy: mockConfig.operator,
        state: 'deleted',
        restored: null,
        restoreUnconfirmedAt: null,
        keptUntil: new Date(Date.parse(deletedAt) + 90 * 86_400_000).toISOString(),
      })
    }
    const flowName = request.headers.get('x-flow-name')
    mockDb.audit.push({
      time: new Date().toISOString(),
      requestId: `req-${++requestCount}`,
      operator: mockConfig.operator,
      action: 'flow.delete',
      phase: 'outcome',
      accountId: String(params.accountId),
      channelId,
      flowId: String(params.flowId),
      flowName: flowName === null ? undefined : decodeURIComponent(flowName),
      result: 'deleted',
      status: 200,
    })
    return HttpResponse.json({ backupId } satisfies DeleteResult)
  }),
  http.get(templatesUrl, ({ params }) => HttpResponse.json({ templates: mockDb.templates[String(params.channelId)] ?? [] })),
  http.get(deletedFlowsUrl, ({ params }) =>
    HttpResponse.json({ deletedFlows: mockDb.deleted.filter((copy) => copy.channelId === params.channelId).map(({ channelId: _channel, ...copy }) => copy), retentionDays: 90 }),
  ),
  http.post(`${deletedFlowsUrl}/:backupId/restore`, ({ params }) => {
    const copy = mockDb.deleted.find((c) => c.backupId === params.backupId)
    if (!copy) return HttpResponse.json({ code: 'NOT_FOUND', message: 'No such copy', errorId: 'e-404', timestamp: '', source: 'proxy' }, { status: 404 })
    if (copy.restored) return HttpResponse.json({ code: 'ALREADY_RESTORED', message: 'Already restored', errorId: 'e-409', timestamp: '', source: 'proxy' }, { status: 409 })
    const flowId = `17000000000000${String(++restoredCount).padStart(2, '0')}`
    copy.restored = { flowId, by: mockConfig.operator, at: new Date().toISOString() }
    mockDb.flows[copy.channelId].push({ id: flowId, name: copy.name, status: 'DRAFT' })
    return HttpResponse.json({ flowId, name: copy.name, validationErrors: [] } satisfies RestoreResult)
  }),
  http.post(`${flowsUrl}/:flowId/deprecate`, ({ params }) => {
    const flow = mockDb.flows[String(params.channelId)].find((f) => f.id === params.flowId)
    if (flow) flow.status = 'DEPRECATED'
    return new HttpResponse(null, { status: 204 })
  }),
  http.get(`${flowsUrl}/:flowId`, ({ params }) => {
    const flow = mockDb.flows[String(params.channelId)]?.find((f) => f.id === params.flowId)
    if (!flow) return HttpResponse.json({ code: 1300, message: 'Flow not found', errorId: 'e-404', timestamp: '' }, { status: 404 })
    const details: FlowDetails = { ...flow, categories: ['OTHER'], validationErrors: [], hasFlowJson: true, ...mockDb.details[flow.id] }
    return HttpResponse.json(details)
  }),
  http.get(`${flowsUrl}/:flowId/preview`, ({ params }) =>
    HttpResponse.json({ previewUrl: `https://business.facebook.com/wa/manage/flows/${String(params.flowId)}/preview/?token=t`, expiresAt: '2026-12-13T05:49:59+0000' }),
  ),
  http.get(auditUrl, ({ params }) =>
    HttpResponse.json({ entries: mockDb.audit.filter((entry) => entry.channelId === params.channelId).toReversed() }),
  ),
]

/** What the server's lookup knows, by Error ID or request ID. */
export const mockLookups: Record<string, LookupResult> = {}

export const lookupHandlers = [
  http.get('/api/v1/lookup/:id', ({ params }) => {
    const id = String(params.id)
    return HttpResponse.json(mockLookups[id] ?? { id, found: false, retentionDays: 90, failures: [], audit: [] })
  }),
]
