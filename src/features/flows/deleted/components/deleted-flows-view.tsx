import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { Link } from 'react-router'
import './deleted-flows-view.css'
import { formatTime } from '../../../../components/date-time'
import { ErrorPanel } from '../../../../components/error-panel'
import type { DeletedFlow } from '../../../../shared/deleted-flows'
import type { Channel } from '../../../../shared/flow'
import type { ChannelScope } from '../../../../shared/paths'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { flowLabel } from '../../flow-label'
import { deletedFlowQueries, deletedFlowsPath } from '../api/deleted-flow-queries'
import { useRestoreWithNotice } from '../use-restore-with-notice'

export type DeletedFlowsViewProps = {
  scope: ChannelScope
  channel: Channel
  /** Back to the channel's flows (the app owns the routes). */
  flowsHref: string
}


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

/**
 * The copies Flows Admin kept of a channel's deleted flows, newest first: each can be downloaded, and
 * restored once as a new draft (8x8 gives it a new ID).
 */
export function DeletedFlowsView({ scope, channel, flowsHref }: DeletedFlowsViewProps) {
  const copies = useQuery(deletedFlowQueries.list(scope))
  const { restoreCopy, pending } = useRestoreWithNotice(scope, channel.name)
  const [asking, setAsking] = useState<DeletedFlow | null>(null)
  const opener = useRef<HTMLElement | null>(null)
  const list = copies.data?.deletedFlows

  function ask(copy: DeletedFlow) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setAsking(copy)
  }

  return (
    <div className="flows">
      <div className="page-header">
        <h1 tabIndex={-1}>Deleted flows</h1>
        <p className="muted">
          {channel.name} · <Link to={flowsHref}>Back to the flows</Link>
        </p>
      </div>
      {copies.error && (
        <ErrorPanel title="Couldn't load the deleted flows" error={copies.error} onRetry={() => copies.refetch()} retrying={copies.isFetching} />
      )}
      {copies.isPending && (
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading deleted flows…
        </output>
      )}
      {list?.length === 0 && (
        <div className="state state--empty">
          <h2>No deleted flows in {channel.name}</h2>
          <p className="muted">
            Flows deleted through Flows Admin are kept here for {copies.data?.retentionDays} days, ready to be restored as new drafts.
          </p>
        </div>
      )}
      {list && list.length > 0 && (
        <table className="data-table deleted-flows">
          <caption className="visually-hidden">Deleted flows of {channel.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Old ID</th>
              <th scope="col">Deleted</th>
              <th scope="col">Restored</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((copy) => {
              const label = flowLabel({ id: copy.flowId, name: copy.name })
              return (
                <tr key={copy.backupId}>
                  <th scope="row" className="data-table__name">
                    {copy.name === '' ? <span className="muted">(no name)</span> : copy.name}
                    <div className="small muted">{copy.categories.join(', ')}</div>
                  </th>
                  <td>
                    <code className="selectable">{copy.flowId}</code>
                  </td>
                  <td>
                    {formatTime(copy.deletedAt)}
                    <div className="small muted">{copy.deletedBy ? `by ${copy.deletedBy}` : 'sign-in off: no operator recorded'}</div>
                  </td>
                  <td>
                    <RestoredCell copy={copy} flowsHref={flowsHref} />
                  </td>
                  <td className="data-table__actions">
                    <a className="button button--quiet" href={`${deletedFlowsPath(scope)}/${encodeURIComponent(copy.backupId)}/json`} download aria-label={`Download JSON ${label}`}>
                      Download JSON
                    </a>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Restore ${label}`}
                      disabled={copy.restored !== null}
                      title={copy.restored ? `Already restored as ${copy.restored.flowId}` : undefined}
                      onClick={() => ask(copy)}
                    >
                      Restore
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {list && list.length > 0 && (
        <p className="notice">Copies are kept {copies.data?.retentionDays} days after the delete, then removed.</p>
      )}
      {asking && (
        <ConfirmDialog
          tone="primary"
          title="Restore flow?"
          description={
            <>
              <p>
                <strong>{flowLabel({ id: asking.flowId, name: asking.name })}</strong> comes back in <strong>{channel.name}</strong> as a new DRAFT
                with a new ID, made from the copy kept when it was deleted. Its old ID <code>{asking.flowId}</code> stays deleted.
              </p>
              {asking.restoreUnconfirmedAt !== null && (
                <p className="small">
                  A restore of this copy was sent {formatTime(asking.restoreUnconfirmedAt)} and 8x8 did not confirm it. Flows Admin looks for its draft
                  in the list first: if it is there, it is recorded as the restore and nothing is created.
                </p>
              )}
              {asking.state === 'unconfirmed' && (
                <p className="small">
                  8x8 did not confirm this delete. Flows Admin asks 8x8 first: if it still has the flow, nothing is created.
                </p>
              )}
              {asking.endPointUri === null && <p className="small muted">8x8 did not tell its endpoint URI, so the new draft has none.</p>}
            </>
          }
          confirmLabel="Restore flow"
          pendingLabel="Restoring…"
          pendingNote="Waiting for 8x8 to create the new draft."
          pending={pending}
          onConfirm={() =>
            restoreCopy({ backupId: asking.backupId, id: asking.flowId, name: asking.name }, flowLabel({ id: asking.flowId, name: asking.name }), {
              onSettled: () => setAsking(null),
            })
          }
          onCancel={() => setAsking(null)}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            const target = opener.current?.isConnected && !(opener.current as HTMLButtonElement).disabled ? opener.current : document.querySelector<HTMLElement>('main h1')
            target?.focus()
          }}
        />
      )}
    </div>
  )
}
