import { useMutation, useQueryClient } from '@tanstack/react-query'
import { deleteResource } from '../../../api/client'
import type { Flow } from '../../../shared/flow'
import { flowQueries, flowsPath, type FlowScope } from './flow-queries'

export function deleteFlow(scope: FlowScope, flowId: string) {
  return deleteResource(`${flowsPath(scope)}/${encodeURIComponent(flowId)}`)
}

export function useDeleteFlow(scope: FlowScope) {
  const queryClient = useQueryClient()
  const { queryKey } = flowQueries.list(scope)
  return useMutation({
    mutationFn: (flow: Flow) => deleteFlow(scope, flow.id),
    onSuccess: async (_result, flow) => {
      // A refetch already in flight may predate the delete; it must not bring the row back.
      await queryClient.cancelQueries({ queryKey })
      queryClient.setQueryData(queryKey, (list) => list && { flows: list.flows.filter((f) => f.id !== flow.id) })
      // Not awaited: the dialog closes as soon as 8x8 confirmed; the refetch reconciles in the background.
      void queryClient.invalidateQueries({ queryKey })
    },
  })
}
