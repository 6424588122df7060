import { Link } from 'react-router'
import { formatTime } from '../../../../components/date-time'
import type { DeletedFlow } from '../../../../shared/deleted-flows'
import { flowLabel } from '../../flow-label'
import type { Refusals } from '../../../../shared/roles'

function RestoredCell({ copy, flowsHref }: { copy: DeletedFlow; flowsHref: string }) {
  if (copy.restored) {
    return (
      <>
        As{' '}
        <Link to={`${flowsHref}?flow=${encodeURIComponent(copy.restored.flowId)}`} title="Show the new draft">
          <code>{copy.restored.flowId}</code>
        </Link>
        <div className="small muted">
          {formatTime(copy.restored.at)}
          {copy.restored.by && ` by ${copy.restored.by}`}
        </div>
      </>
    )
  }
  if (copy.restoreUnconfirmedAt !== null) {
    return (
      <>
        <span className="badge badge--deprecated">Restore not confirmed</span>
        <div className="small muted">Sent {formatTime(copy.restoreUnconfirmedAt)}: check the list. Restoring again looks there first.</div>
      </>
    )
  }
  return copy.state === 'unconfirmed' ? (
    <>
      <span className="badge badge--deprecated">Delete not confirmed</span>
      <div className="small muted">Restore asks 8x8 first whether the flow is gone.</div>
    </>
  ) : (
    <span className="muted">Not restored</span>
  )
}

export type DeletedFlowRowProps = {
  copy: DeletedFlow
  flowsHref: string
  jsonHref: string
  selected: boolean
  onSelect: (copy: DeletedFlow, on: boolean) => void
  onRestore: (copy: DeletedFlow) => void
  /** What the signed-in person may not do in this channel, with why. */
  refused?: Refusals
}

/** One copy: compact, with labels where a phone shows its cells as a card. */
export function DeletedFlowRow({ copy, flowsHref, jsonHref, selected, onSelect, onRestore, refused = {} }: DeletedFlowRowProps) {
  const label = flowLabel({ id: copy.flowId, name: copy.name })
  return (
    // Focusable from code only: where the focus goes after this copy's restore.
    <tr aria-selected={selected || undefined} tabIndex={-1} data-backup-id={copy.backupId}>
      <td className="deleted-flows__select">
        {copy.restored === null && (
          <input type="checkbox" checked={selected} aria-label={`Select ${label}`} disabled={!!refused['bulk']} title={refused['bulk']} onChange={(event) => onSelect(copy, event.target.checked)} />
        )}
      </td>
      <th scope="row" className="data-table__name">
        {copy.name === '' ? <span className="muted">(no name)</span> : copy.name} <span className="small muted">{copy.categories.join(', ')}</span>
      </th>
      <td data-label="Old ID">
        <code className="selectable">{copy.flowId}</code>
      </td>
      <td data-label="Deleted">
        {formatTime(copy.deletedAt)}
        {copy.deletedBy && <span className="small muted"> by {copy.deletedBy}</span>}
      </td>
      <td>
        <RestoredCell copy={copy} flowsHref={flowsHref} />
      </td>
      <td className="data-table__actions">
        <a className="button button--quiet" href={jsonHref} download aria-label={`Download JSON ${label}`}>
          Download JSON
        </a>
        {/* The deleted flow's history goes on under its old ID. */}
        <Link className="button button--quiet" to={`${flowsHref}/${encodeURIComponent(copy.flowId)}/history`} aria-label={`History of ${label}`}>
          History
        </Link>
        <button
          type="button"
          className="button"
          aria-label={`Restore ${label}`}
          disabled={copy.restored !== null || !!refused['edit']}
          title={copy.restored ? `Already restored as ${copy.restored.flowId}` : refused['edit']}
          onClick={() => onRestore(copy)}
        >
          Restore
        </button>
      </td>
    </tr>
  )
}
