import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { DeletedFlow } from '../../../shared/deleted-flows'
import { folded } from '../flow-filters'

export type DeletedFlowFilters = { query: string; notRestored: boolean }

/** The copies that match every word of the search (in the name, or the old ID) and, if asked, are not restored. */
export function filterCopies(copies: readonly DeletedFlow[], { query, notRestored }: DeletedFlowFilters): DeletedFlow[] {
  const words = folded(query).split(' ').filter(Boolean)
  return copies.filter(
    (copy) => (!notRestored || copy.restored === null) && words.every((word) => copy.flowId.includes(word) || folded(copy.name).includes(word)),
  )
}

/**
 * Deleted flows' search and "Not restored" filter, kept in the address (`?q=promo&show=not-restored`)
 * so a reload or a link keeps them. The text is state first (no keystroke waits for the URL).
 */
export function useDeletedFlowFilters() {
  const [params, setParams] = useSearchParams()
  const [query, setQueryState] = useState(() => params.get('q') ?? '')
  const notRestored = params.get('show') === 'not-restored'
  const write = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value === null || value === '') next.delete(name)
        else next.set(name, value)
        return next
      },
      { replace: true },
    )
  return {
    filters: { query, notRestored } satisfies DeletedFlowFilters,
    setQuery(text: string) {
      setQueryState(text)
      write('q', text.trim())
    },
    setNotRestored(on: boolean) {
      write('show', on ? 'not-restored' : null)
    },
  }
}
