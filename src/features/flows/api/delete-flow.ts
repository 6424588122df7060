import { useMutation, useQueryClient } from '@tanstack/react-query'
import { deleteResource } from '../../../api/client'
import type { Flow } from '../../../shared/flow'
import { flowQueries, flowsPath, type FlowScope } from './flow-queries'

export function deleteFlow(scope: FlowScope, flow: Pick<Flow, 'id' | 'name'>) {
  return deleteResource(`${flowsPath(scope)}/${encodeURIComponent(flow.id)}`, {
    // For the audit log: the name the operator confirmed (header values must be ASCII, hence the encoding).
    headers: { 'x-flow-name': encodeURIComponent(flow.name) },
  })
}

export function useDeleteFlow(scope: FlowScope) {
  const queryClient = useQueryClient()
  const { queryKey } = flowQueries.list(scope)
  return useMutation({
    mutationFn: (flow: Flow) => deleteFlow(scope, flow),
    onSuccess: async (_result, flow) => {
      // A refetch already in flight may predate the delete; it must not bring the row back.
      await queryClient.cancelQueries({ queryKey })
      queryClient.setQueryData(queryKey, (list) => list && { flows: list.flows.filter((f) => f.id !== flow.id) })
      // Not awaited: the dialog closes as soon as 8x8 confirmed; the refetch reconciles in the background.
      void queryClient.invalidateQueries({ queryKey })
    },
  })
}
