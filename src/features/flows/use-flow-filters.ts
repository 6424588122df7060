import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { filtersFromParams, paramsWithFilters, type FlowFilters } from './flow-filters'

/**
 * The filters, read from and written to the URL. Typing replaces the history entry (Back should not
 * step through every keystroke); choosing a status or a sort adds one.
 */
export function useFlowFilters() {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => filtersFromParams(params), [params])
  const setFilters = useCallback(
    (next: FlowFilters, { typing = false }: { typing?: boolean } = {}) =>
      setParams((current) => paramsWithFilters(current, next), { replace: typing }),
    [setParams],
  )
  return [filters, setFilters] as const
}

/** `?flow=<id>` opens that flow's details, so a link can point at one flow. */
export function useOpenFlowId() {
  const [params, setParams] = useSearchParams()
  const openFlowId = params.get('flow')
  const setOpenFlowId = useCallback(
    (flowId: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current)
        if (flowId === null) next.delete('flow')
        else next.set('flow', flowId)
        return next
      }),
    [setParams],
  )
  return [openFlowId, setOpenFlowId] as const
}
