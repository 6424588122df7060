import { useMutation } from '@tanstack/react-query'
import { readJson, send } from '../../../api/client'
import { getText, sendJson } from '../../../api/client-texts'
import type { Flow } from '../../../shared/flow'
import type { CreateFlowBody, FlowWriteResult, UpdateFlowBody } from '../../../shared/flow-edit'
import { restoredVersionHeaders } from '../../../shared/flow-history'
import { useUpdateFlowList } from './delete-flow'
import { flowJsonHref, flowPath } from './flow-details'
import { flowsPath, type FlowScope } from './flow-queries'

/** The name the operator saw, for the audit trail (header values must be ASCII). */
const auditHeaders = (name: string) => ({ 'x-flow-name': encodeURIComponent(name) })

/** A flow's JSON as the server read it from 8x8, and the ETag a save sends back (If-Match). */
export type FlowSource = { json: string; etag: string | null }

export async function readFlowSource(scope: FlowScope, flowId: string, signal?: AbortSignal): Promise<FlowSource> {
  const { text, headers } = await getText(flowJsonHref(scope, flowId), { signal })
  return { json: text, etag: headers.get('etag') }
}

/** A version brought back: which, and of which flow (the audit trail and the history say so). */
export type RestoredFrom = { versionId: string; flowId: string }

const restoredHeaders = (from?: RestoredFrom): Record<string, string> =>
  from ? { [restoredVersionHeaders.version]: from.versionId, [restoredVersionHeaders.flow]: from.flowId } : {}

export async function createFlow(scope: FlowScope, body: CreateFlowBody, restoredFrom?: RestoredFrom): Promise<FlowWriteResult> {
  return (await sendJson<FlowWriteResult>(flowsPath(scope), { method: 'POST', body, headers: restoredHeaders(restoredFrom) })).body
}

/** Saves only what changed; with the JSON, `etag` is the one it was read with (409 FLOW_CHANGED when it moved). */
export async function updateFlow(scope: FlowScope, flowId: string, body: UpdateFlowBody, { etag, name, restoredFrom }: { etag?: string | null; name: string; restoredFrom?: RestoredFrom }) {
  const headers: Record<string, string> = { ...auditHeaders(name), ...restoredHeaders(restoredFrom) }
  if (body.flowJson !== undefined && etag) headers['if-match'] = etag
  const { body: result, headers: answer } = await sendJson<FlowWriteResult>(flowPath(scope, flowId), { method: 'PUT', body, headers })
  return { ...result, etag: answer.get('etag') }
}

/** `confirmedLater`: 8x8 did not confirm the publish (or refused it as not a draft), and the flow was then found PUBLISHED. */
export type PublishResult = { confirmedLater: boolean }

export async function publishFlow(scope: FlowScope, flow: Pick<Flow, 'id' | 'name'>): Promise<PublishResult> {
  const answer = await send(`${flowPath(scope, flow.id)}/publish`, { method: 'POST', headers: auditHeaders(flow.name) })
  return answer.status === 200 ? { confirmedLater: (await readJson<{ confirmedLater?: boolean }>(answer)).confirmedLater === true } : { confirmedLater: false }
}

/** The notice of a publish that is done: at once, or found done after 8x8 did not confirm it. */
export function publishedNotice(label: string, { confirmedLater }: PublishResult) {
  return {
    kind: 'success' as const,
    title: `Published “${label}”`,
    description: confirmedLater
      ? "8x8 did not confirm the publish in time, but the flow is PUBLISHED: it went through. It can now be sent to customers; to change it, clone it."
      : 'It can now be sent to customers. To change it, clone it.',
  }
}

/** A published (or any) flow copied into a new draft: 8x8 copies its JSON. */
export function useCloneFlow(scope: FlowScope) {
  const updateList = useUpdateFlowList(scope)
  return useMutation({
    mutationFn: ({ flow, name }: { flow: Flow; name: string }) => createFlow(scope, { name, cloneFlowId: flow.id }),
    meta: { action: 'Clone' },
    onSuccess: (result, { name }) => updateList((flows) => [...flows, { id: result.id, name, status: 'DRAFT' }]),
  })
}

export function usePublishFlow(scope: FlowScope) {
  const updateList = useUpdateFlowList(scope)
  return useMutation({
    mutationFn: (flow: Pick<Flow, 'id' | 'name'>) => publishFlow(scope, flow),
    meta: { action: 'Publish' },
    onSuccess: (_result, flow) => updateList((flows) => flows.map((f) => (f.id === flow.id ? { ...f, status: 'PUBLISHED' } : f))),
  })
}
