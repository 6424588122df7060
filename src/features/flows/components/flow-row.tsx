import { memo } from 'react'
import { Link } from 'react-router'
import { StatusBadge } from '../../../components/status-badge'
import type { FlowTemplate } from '../../../shared/deleted-flows'
import { isDeletable, isDeprecatable, type Flow } from '../../../shared/flow'
import { flowLabel } from '../flow-label'
import { usedByText, type TemplateUse } from '../template-use'
import type { Refusals } from '../../../shared/roles'

export type FlowRowActions = {
  onDetails: (flow: Flow) => void
  onDelete: (flow: Flow) => void
  onDeprecate: (flow: Flow) => void
  onClone: (flow: Flow) => void
  onPublish: (flow: Flow) => void
  /** Where a draft's editor is. */
  editHref: (flowId: string) => string
  onSelect: (flow: Flow, selected: boolean) => void
  /** What the signed-in person may not do in this channel, with why (the server sends it). */
  refused?: Refusals
}

export type FlowRowsProps = FlowRowActions & {
  flows: Flow[]
  /** Ids of the selected drafts (for bulk delete). */
  selected: ReadonlySet<string>
  /** The templates that launch each flow (a draft in use cannot be deleted). */
  templateUse: TemplateUse
}

export const flowsTableColumns = 5

type FlowRowProps = FlowRowActions & {
  flow: Flow
  selected: boolean
  templates: readonly FlowTemplate[] | undefined
  /** The row's place in the whole list, when the list is windowed. */
  index?: number
  measure?: (row: HTMLTableRowElement | null) => void
}

/** Memoised: typing in the search box re-renders only the rows that come and go, not all 1000. */
export const FlowRow = memo(function FlowRow({ flow, selected, templates, index, measure, onDetails, onDelete, onDeprecate, onClone, onPublish, editHref, onSelect, refused = {} }: FlowRowProps) {
  const draft = isDeletable(flow)
  // A draft a template uses says so on its row; 8x8 would refuse its delete.
  const usedBy = draft && templates !== undefined && templates.length > 0 ? usedByText(templates) : undefined
  const deletable = draft && usedBy === undefined && !refused['delete']
  const label = flowLabel(flow)
  const reasonId = `delete-reason-${flow.id}`
  const reason = usedBy ?? refused['delete'] ?? 'Only drafts can be deleted'
  // An action the role may not take stays in its place, disabled, its reason its tooltip and description.
  const quiet = (verb: string, act: (flow: Flow) => void, why?: string) => (
    <button type="button" className="button button--quiet" aria-label={`${verb} ${label}`} title={why} disabled={!!why} onClick={() => act(flow)}>
      {verb}
    </button>
  )
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index === undefined ? undefined : index + 2}>
      <td className="flows-table__select">
        {deletable && (
          <input type="checkbox" aria-label={`Select ${label}`} title={refused['bulk']} disabled={!!refused['bulk']} checked={selected} onChange={(event) => onSelect(flow, event.target.checked)} />
        )}
      </td>
      <th scope="row" className="data-table__name">
        <button type="button" className="link-button" onClick={() => onDetails(flow)} title="Show details">
          {flow.name === '' ? <span className="muted">(no name)</span> : flow.name}
        </button>
        {usedBy && (
          <span id={reasonId} className="flows-table__use small muted">
            {usedBy}
          </span>
        )}
      </th>
      <td>
        <code className="selectable">{flow.id}</code>
      </td>
      <td>
        <StatusBadge status={flow.status} />
        {/* Set for drafts saved here only (the server counts them): Meta's errors in the last saved JSON. */}
        {!!flow.validationErrorCount && <span className="flows-table__use flows-table__errors small">Errors: {flow.validationErrorCount}</span>}
      </td>
      <td className="data-table__actions">
        {/* Read out with the disabled button and shown as its tooltip, not printed on every row. */}
        {!deletable && !usedBy && (
          <span id={reasonId} className="visually-hidden">
            {reason}
          </span>
        )}
        {draft && (
          <Link className="button button--quiet" to={editHref(flow.id)} aria-label={`Edit ${label}`}>
            Edit
          </Link>
        )}
        {/* A draft is changed in its editor (and cloned from there or its details): three buttons at most a row. */}
        {draft ? quiet('Publish', onPublish, refused['publish']) : quiet('Clone', onClone, refused['edit'])}
        {isDeprecatable(flow) && quiet('Deprecate', onDeprecate, refused['deprecate'])}
        <button
          type="button"
          className="button button--danger-quiet"
          aria-label={`Delete ${label}`}
          aria-describedby={deletable ? undefined : reasonId}
          title={deletable ? undefined : reason}
          disabled={!deletable}
          onClick={() => onDelete(flow)}
        >
          Delete
        </button>
      </td>
    </tr>
  )
})
