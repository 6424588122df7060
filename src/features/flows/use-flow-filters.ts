import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useNavigationType, useSearchParams } from 'react-router'
import { filtersFromParams, paramsWithFilters, type FlowFilters } from './flow-filters'

/** How long typing must pause before the search text is written to the URL. */
const urlDelayMs = 300

function withQuery(params: URLSearchParams, query: string): URLSearchParams {
  return paramsWithFilters(params, { ...filtersFromParams(params), query })
}

/**
 * The flows page's state in the URL: the filters (`?q=&status=&sort=`) and the flow whose details
 * are open (`?flow=<id>`, so a link can point at one flow).
 *
 * The search text lives in state, and reaches the URL once typing pauses: a navigation re-renders the
 * whole route, which a keystroke should not pay for, and a search box bound to the URL alone would
 * drop keystrokes typed before the previous one got there. Back and Forward (any navigation but our
 * own replace) bring the URL's text back into the box. Typing replaces the history entry (Back should
 * not step through every keystroke); a status, a sort or opening a flow adds one.
 *
 * Every write starts from the URL as it is now (React Router's own updater gets the params of the
 * render it was made in, which a delayed write outlives), and any other write takes the text still
 * waiting to be written with it: typing and then clicking a flow at once keeps both.
 */
export function useFlowUrlState() {
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

  const latest = useRef(params)
  useLayoutEffect(() => {
    latest.current = params
  }, [params])
  const typed = useRef<string | undefined>(undefined)
  const pendingUrl = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(pendingUrl.current), [])

  const write = useCallback(
    (update: (current: URLSearchParams) => URLSearchParams, { replace = false } = {}) => {
      clearTimeout(pendingUrl.current)
      let current = latest.current
      if (typed.current !== undefined) current = withQuery(current, typed.current)
      typed.current = undefined
      const next = update(current)
      latest.current = next
      setParams(next, { replace })
    },
    [setParams],
  )

  const setFilters = useCallback(
    (next: FlowFilters, { typing = false }: { typing?: boolean } = {}) => {
      setQuery(next.query)
      if (!typing) return write((current) => paramsWithFilters(current, next))
      clearTimeout(pendingUrl.current)
      typed.current = next.query
      pendingUrl.current = setTimeout(() => write((current) => current, { replace: true }), urlDelayMs)
    },
    [write],
  )

  const setOpenFlowId = useCallback(
    (flowId: string | null) =>
      write((current) => {
        const next = new URLSearchParams(current)
        if (flowId === null) next.delete('flow')
        else next.set('flow', flowId)
        return next
      }),
    [write],
  )

  const filters = useMemo(() => ({ ...fromUrl, query }), [fromUrl, query])
  return { filters, setFilters, openFlowId: params.get('flow'), setOpenFlowId }
}
