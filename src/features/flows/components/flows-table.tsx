import { memo, useEffect, useRef } from 'react'
import { StatusBadge } from '../../../components/status-badge'
import { isDeletable, isDeprecatable, type Flow } from '../../../shared/flow'
import type { FlowSort, SortKey } from '../flow-filters'
import { flowLabel } from '../flow-label'

export type FlowRowActions = {
  onDetails: (flow: Flow) => void
  onDelete: (flow: Flow) => void
  onDeprecate: (flow: Flow) => void
  onSelect: (flow: Flow, selected: boolean) => void
}

export type FlowsTableProps = FlowRowActions & {
  flows: Flow[]
  caption: string
  sort: FlowSort
  onSort: (key: SortKey) => void
  /** Ids of the selected drafts (for bulk delete). */
  selected: ReadonlySet<string>
  /** Selects (or clears) every draft shown. */
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

export function FlowsTable({ flows, caption, sort, onSort, selected, onSelectAll, ...actions }: FlowsTableProps) {
  const drafts = flows.filter(isDeletable)
  const selectedShown = drafts.filter((flow) => selected.has(flow.id)).length
  const selectAll = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selectedShown > 0 && selectedShown < drafts.length
  }, [selectedShown, drafts.length])

  return (
    <table className="data-table flows-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="flows-table__select">
            <input
              ref={selectAll}
              type="checkbox"
              aria-label="Select all drafts shown"
              checked={drafts.length > 0 && selectedShown === drafts.length}
              disabled={drafts.length === 0}
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
      <tbody>
        {flows.map((flow) => (
          <FlowRow key={flow.id} flow={flow} selected={selected.has(flow.id)} {...actions} />
        ))}
      </tbody>
    </table>
  )
}

type FlowRowProps = FlowRowActions & { flow: Flow; selected: boolean }

/** Memoised: typing in the search box re-renders only the rows that come and go, not all 1000. */
const FlowRow = memo(function FlowRow({ flow, selected, onDetails, onDelete, onDeprecate, onSelect }: FlowRowProps) {
  const deletable = isDeletable(flow)
  const label = flowLabel(flow)
  const reasonId = `delete-reason-${flow.id}`
  return (
    <tr>
      <td className="flows-table__select">
        {deletable && (
          <input type="checkbox" aria-label={`Select ${label}`} checked={selected} onChange={(event) => onSelect(flow, event.target.checked)} />
        )}
      </td>
      <th scope="row" className="data-table__name">
        <button type="button" className="link-button" onClick={() => onDetails(flow)} title="Show details">
          {flow.name === '' ? <span className="muted">(no name)</span> : flow.name}
        </button>
      </th>
      <td>
        <code className="selectable">{flow.id}</code>
      </td>
      <td>
        <StatusBadge status={flow.status} />
      </td>
      <td className="data-table__actions">
        {!deletable && (
          <span id={reasonId} className="muted small">
            Only drafts can be deleted
          </span>
        )}
        {isDeprecatable(flow) && (
          <button type="button" className="button button--quiet" aria-label={`Deprecate ${label}`} onClick={() => onDeprecate(flow)}>
            Deprecate
          </button>
        )}
        <button
          type="button"
          className="button button--danger-quiet"
          aria-label={`Delete ${label}`}
          aria-describedby={deletable ? undefined : reasonId}
          disabled={!deletable}
          onClick={() => onDelete(flow)}
        >
          Delete
        </button>
      </td>
    </tr>
  )
})
