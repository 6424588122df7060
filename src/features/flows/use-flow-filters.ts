import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useNavigationType, useSearchParams } from 'react-router'
import { filtersFromParams, paramsWithFilters, type FlowFilters } from './flow-filters'

/** How long typing must pause before the search text is written to the URL. */
const urlDelayMs = 300

/**
 * The filters, read from and written to the URL. Typing replaces the history entry (Back should not
 * step through every keystroke); choosing a status or a sort adds one.
 *
 * The search text lives in state, and reaches the URL once typing pauses: a navigation re-renders the
 * whole route, which a keystroke should not pay for, and a search box bound to the URL alone would
 * drop keystrokes typed before the previous one got there. Back and Forward (any navigation but our
 * own replace) bring the URL's text back into the box.
 */
export function useFlowFilters() {
  const [params, setParams] = useSearchParams()
  const { key } = useLocation()
  const navigationType = useNavigationType()
  const fromUrl = useMemo(() => filtersFromParams(params), [params])
  const [query, setQuery] = useState(fromUrl.query)
  const [seenKey, setSeenKey] = useState(key)
  if (key !== seenKey) {
    setSeenKey(key)
    if (navigationType !== 'REPLACE') setQuery(fromUrl.query)
  }
  const filters = useMemo(() => ({ ...fromUrl, query }), [fromUrl, query])
  const pendingUrl = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(pendingUrl.current), [])
  const setFilters = useCallback(
    (next: FlowFilters, { typing = false }: { typing?: boolean } = {}) => {
      setQuery(next.query)
      clearTimeout(pendingUrl.current)
      const write = () => setParams((current) => paramsWithFilters(current, next), { replace: typing })
      if (typing) pendingUrl.current = setTimeout(write, urlDelayMs)
      else write()
    },
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
