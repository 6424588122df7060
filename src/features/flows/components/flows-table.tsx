import { StatusBadge } from '../../../components/status-badge'
import { isDeletable, type Flow } from '../../../shared/flow'
import { flowLabel } from '../flow-label'

export type FlowsTableProps = {
  flows: Flow[]
  caption: string
  onDelete: (flow: Flow) => void
}

export function FlowsTable({ flows, caption, onDelete }: FlowsTableProps) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">ID</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => {
          const deletable = isDeletable(flow)
          const reasonId = `delete-reason-${flow.id}`
          return (
            <tr key={flow.id}>
              <th scope="row" className="data-table__name">
                {flow.name === '' ? <span className="muted">(no name)</span> : flow.name}
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
                <button
                  type="button"
                  className="button button--danger-quiet"
                  aria-label={`Delete ${flowLabel(flow)}`}
                  aria-describedby={deletable ? undefined : reasonId}
                  disabled={!deletable}
                  onClick={() => onDelete(flow)}
                >
                  Delete
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
