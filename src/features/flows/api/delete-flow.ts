import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApiError } from '../../../api/api-error'
import { changeJson, postAction } from '../../../api/client'
import { bulkRunHeader, withoutBackupHeaders, type DeleteResult } from '../../../shared/deleted-flows'
import type { Flow, FlowList } from '../../../shared/flow'
import { flowPath } from './flow-details'
import { flowQueries, type FlowScope } from './flow-queries'

/** For the audit log: the name the operator confirmed (header values must be ASCII, hence the encoding). */
const auditHeaders = (flow: Pick<Flow, 'name'>) => ({ 'x-flow-name': encodeURIComponent(flow.name) })

/**
 * Deletes a flow. The server keeps a copy first; `withoutCopyAfter` (the Error ID of a copy that could
 * not be made) asks it to delete without one, as the operator confirmed.
 */
export function deleteFlow(scope: FlowScope, flow: Pick<Flow, 'id' | 'name'>, { withoutCopyAfter, bulk = false }: { withoutCopyAfter?: ApiError; bulk?: boolean } = {}) {
  const headers: Record<string, string> = auditHeaders(flow)
  // One change of a bulk run: the server lets only admins run them.
  if (bulk) headers[bulkRunHeader] = '1'
  if (withoutCopyAfter) {
    headers[withoutBackupHeaders.choice] = 'none'
    headers[withoutBackupHeaders.after] = withoutCopyAfter.errorId
  }
  return changeJson<DeleteResult>(flowPath(scope, flow.id), { method: 'DELETE', headers })
}

export function deprecateFlow(scope: FlowScope, flow: Pick<Flow, 'id' | 'name'>) {
  return postAction(`${flowPath(scope, flow.id)}/deprecate`, { headers: auditHeaders(flow) })
}

/**
 * Applies a confirmed change to the cached list at once, then refetches in the background. A refetch
 * already in flight may predate the change; it is cancelled so it cannot bring the old row back.
 */
export function useUpdateFlowList(scope: FlowScope) {
  const queryClient = useQueryClient()
  const { queryKey } = flowQueries.list(scope)
  return async (update: (flows: Flow[]) => Flow[]) => {
    await queryClient.cancelQueries({ queryKey })
    queryClient.setQueryData(queryKey, (list: FlowList | undefined) => list && { flows: update(list.flows) })
    void queryClient.invalidateQueries({ queryKey: flowQueries.all() })
  }
}

export function useDeleteFlow(scope: FlowScope) {
  const updateList = useUpdateFlowList(scope)
  return useMutation({
    mutationFn: (flow: Flow & { withoutCopyAfter?: ApiError }) => deleteFlow(scope, flow, flow),
    meta: { action: 'Delete' },
    onSuccess: (_result, flow) => updateList((flows) => flows.filter((f) => f.id !== flow.id)),
  })
}

export function useDeprecateFlow(scope: FlowScope) {
  const updateList = useUpdateFlowList(scope)
  return useMutation({
    mutationFn: (flow: Flow) => deprecateFlow(scope, flow),
    meta: { action: 'Deprecate' },
    onSuccess: (_result, flow) => updateList((flows) => flows.map((f) => (f.id === flow.id ? { ...f, status: 'DEPRECATED' } : f))),
  })
}
