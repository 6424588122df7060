import { memo } from 'react'
import { StatusBadge } from '../../../components/status-badge'
import { isDeletable, isDeprecatable, type Flow } from '../../../shared/flow'
import { flowLabel } from '../flow-label'

export type FlowRowActions = {
  onDetails: (flow: Flow) => void
  onDelete: (flow: Flow) => void
  onDeprecate: (flow: Flow) => void
  onSelect: (flow: Flow, selected: boolean) => void
}

export type FlowRowsProps = FlowRowActions & {
  flows: Flow[]
  /** Ids of the selected drafts (for bulk delete). */
  selected: ReadonlySet<string>
}

export const flowsTableColumns = 5

type FlowRowProps = FlowRowActions & {
  flow: Flow
  selected: boolean
  /** The row's place in the whole list, when the list is windowed. */
  index?: number
  measure?: (row: HTMLTableRowElement | null) => void
}

/** Memoised: typing in the search box re-renders only the rows that come and go, not all 1000. */
export const FlowRow = memo(function FlowRow({ flow, selected, index, measure, onDetails, onDelete, onDeprecate, onSelect }: FlowRowProps) {
  const deletable = isDeletable(flow)
  const label = flowLabel(flow)
  const reasonId = `delete-reason-${flow.id}`
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index === undefined ? undefined : index + 2}>
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
        {/* Read out with the disabled button and shown as its tooltip, not printed on every row. */}
        {!deletable && (
          <span id={reasonId} className="visually-hidden">
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
          title={deletable ? undefined : 'Only drafts can be deleted'}
          disabled={!deletable}
          onClick={() => onDelete(flow)}
        >
          Delete
        </button>
      </td>
    </tr>
  )
})
