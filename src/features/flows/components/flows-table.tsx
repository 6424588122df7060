import { Suspense, useEffect, useRef } from 'react'
import { retryableLazy } from '../../../components/retryable-lazy'
import type { FlowSort, SortKey } from '../flow-filters'
import { canDelete } from '../template-use'
import { useHydrated } from '../../../components/use-hydrated'
import { useFirstScreen } from '../use-first-screen'
import { FlowRow, type FlowRowsProps } from './flow-row'

const WindowedRows = retryableLazy(() => import('./windowed-rows'))

export type FlowsTableProps = FlowRowsProps & {
  caption: string
  /**
   * Render only the rows in view. Decided on the whole list, not the filtered one, so typing in the
   * search box never switches between the two ways of rendering (which would re-create every row).
   */
  windowed: boolean
  sort: FlowSort
  onSort: (key: SortKey) => void
  /** Selects (or clears) every draft shown that can be deleted. */
  onSelectAll: (selected: boolean) => void
}

function SortHeader({ label, sortKey, sort, onSort }: { label: string; sortKey: SortKey; sort: FlowSort; onSort: (key: SortKey) => void }) {
  const active = sort.key === sortKey
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}

/** Lists up to this long are rendered whole (and found by the browser's Find); longer ones are windowed. */
export const renderAllUpTo = 150

function AllRows({ flows, selected, templateUse, ...actions }: FlowRowsProps) {
  const shown = useFirstScreen(flows.length)
  return (
    <tbody>
      {(shown < flows.length ? flows.slice(0, shown) : flows).map((flow) => (
        <FlowRow key={flow.id} flow={flow} selected={selected.has(flow.id)} templates={templateUse.get(flow.id)} {...actions} />
      ))}
    </tbody>
  )
}

export function FlowsTable({ flows, caption, windowed, sort, onSort, selected, onSelectAll, ...rows }: FlowsTableProps) {
  const drafts = flows.filter((flow) => canDelete(flow, rows.templateUse.get(flow.id)))
  const selectedShown = drafts.filter((flow) => selected.has(flow.id)).length
  const selectAll = useRef<HTMLInputElement>(null)
  // The server renders a long list's first screen as plain rows; the windowing takes over once hydrated.
  const hydrated = useHydrated()
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selectedShown > 0 && selectedShown < drafts.length
  }, [selectedShown, drafts.length])

  return (
    <table className="data-table flows-table" aria-rowcount={windowed ? flows.length + 1 : undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="flows-table__select">
            <input
              ref={selectAll}
              type="checkbox"
              aria-label="Select all drafts shown"
              checked={drafts.length > 0 && selectedShown === drafts.length}
              title={rows.refused?.bulk}
              disabled={drafts.length === 0 || !!rows.refused?.bulk}
              onChange={(event) => onSelectAll(event.target.checked)}
            />
          </th>
          <SortHeader label="Name" sortKey="name" sort={sort} onSort={onSort} />
          <th scope="col">ID</th>
          <SortHeader label="Status" sortKey="status" sort={sort} onSort={onSort} />
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {windowed && hydrated ? (
        // Until the windowing code has loaded, the first rows show as they are.
        <Suspense fallback={<AllRows flows={flows.slice(0, renderAllUpTo)} selected={selected} {...rows} />}>
          <WindowedRows flows={flows} selected={selected} {...rows} />
        </Suspense>
      ) : (
        <AllRows flows={windowed ? flows.slice(0, renderAllUpTo) : flows} selected={selected} {...rows} />
      )}
    </table>
  )
}

