import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { Link } from 'react-router'
import './deleted-flows-view.css'
import { formatTime } from '../../../../components/date-time'
import { ErrorPanel } from '../../../../components/error-panel'
import { recordError } from '../../../../components/recent-errors/recent-errors-store'
import type { DeletedFlow } from '../../../../shared/deleted-flows'
import type { Channel } from '../../../../shared/flow'
import type { ChannelScope } from '../../../../shared/paths'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { flowLabel } from '../../flow-label'
import { flowQueries } from '../../api/flow-queries'
import { useBulkRestore, type BulkCopy } from '../../components/use-bulk-restore'
import { deletedFlowQueries, deletedFlowsPath } from '../api/deleted-flow-queries'
import { restoreFlow } from '../api/restore-flow'
import { filterCopies, useDeletedFlowFilters } from '../deleted-flow-filters'
import { useRestoreWithNotice } from '../use-restore-with-notice'
import { DeletedFlowRow } from './deleted-flow-row'
import { useAppConfig } from '../../../config/api/config-query'

export type DeletedFlowsViewProps = {
  scope: ChannelScope
  channel: Channel
  /** Back to the channel's flows (the app owns the routes). */
  flowsHref: string
}


/**
 * The copies Flows Admin kept of a channel's deleted flows, newest first: each can be downloaded, and
 * restored once as a new draft (8x8 gives it a new ID).
 */
export function DeletedFlowsView({ scope, channel, flowsHref }: DeletedFlowsViewProps) {
  const copies = useQuery(deletedFlowQueries.list(scope))
  const queryClient = useQueryClient()
  const { restoreCopy, pending } = useRestoreWithNotice(scope, channel.name)
  const [asking, setAsking] = useState<DeletedFlow | null>(null)
  const [askingMany, setAskingMany] = useState(false)
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set())
  const { filters, setQuery, setNotRestored } = useDeletedFlowFilters()
  const opener = useRef<HTMLElement | null>(null)
  // Set once a restore is confirmed: the dialog then gives the focus to the copy's row.
  const restoredCopy = useRef<string | null>(null)
  const all = copies.data?.deletedFlows
  const list = all && filterCopies(all, filters)
  // Only what can still be restored, and is shown, stays selected.
  const selected = (list ?? []).filter((copy) => copy.restored === null && picked.has(copy.backupId))
  const refused = useAppConfig().data?.refusals[scope.channelId]
  const many = useBulkRestore(
    (backupId) => restoreFlow(scope, backupId, { bulk: true }),
    (outcomes) => {
      for (const o of outcomes) if ('error' in o) recordError(o.error, { action: 'Restore (selected)', flowName: o.item.flow.name, flowId: o.item.flow.id })
      setPicked(new Set(outcomes.filter((o) => o.state !== 'done').map((o) => o.item.backupId)))
      void queryClient.invalidateQueries({ queryKey: deletedFlowQueries.all() })
      void queryClient.invalidateQueries({ queryKey: flowQueries.lists() })
    },
  )
  const select = (copy: DeletedFlow, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current)
      if (on) next.add(copy.backupId)
      else next.delete(copy.backupId)
      return next
    })
  const restoreSelected = () => {
    setAskingMany(false)
    many.restore(selected.map((copy): BulkCopy => ({ flow: { id: copy.flowId, name: copy.name, status: copy.status }, backupId: copy.backupId })))
  }

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
      {all?.length === 0 && (
        <div className="state state--empty">
          <h2>No deleted flows in {channel.name}</h2>
          <p className="muted">
            Flows deleted through Flows Admin are kept here for {copies.data?.retentionDays} days, ready to be restored as new drafts.
          </p>
        </div>
      )}
      {all && all.length > 0 && (
        <search className="toolbar deleted-flows__tools">
          <div className="field">
            <label htmlFor="deleted-search">Search by name or old ID</label>
            <input id="deleted-search" type="search" value={filters.query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
          </div>
          <label className="deleted-flows__only">
            <input type="checkbox" checked={filters.notRestored} onChange={(event) => setNotRestored(event.target.checked)} /> Not restored only
          </label>
          <button type="button" className="button" disabled={selected.length === 0 || many.running} onClick={() => setAskingMany(true)}>
            Restore selected{selected.length > 0 && ` (${selected.length})`}
          </button>
        </search>
      )}
      {(many.running || many.started) && (
        <output className="small deleted-flows__progress" aria-live="polite">
          {many.running
            ? `Restoring… ${many.restored} restored so far.${many.waitingMs > 0 ? ` Waiting for 8x8's rate limit: about ${Math.round(many.waitingMs / 1000)} s.` : ''}`
            : `${many.restored} restored as new drafts${many.failed.length > 0 ? `; ${many.failed.length} not restored (still selected; the errors are in Recent errors)` : ''}.`}
        </output>
      )}
      {all && all.length > 0 && list?.length === 0 && <p className="muted">No deleted flow matches. Clear the search or the filter to see all {all.length}.</p>}
      {list && list.length > 0 && (
        <table className="data-table deleted-flows">
          <caption className="visually-hidden">Deleted flows of {channel.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
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
            {list.map((copy) => (
              <DeletedFlowRow
                key={copy.backupId}
                copy={copy}
                flowsHref={flowsHref}
                jsonHref={`${deletedFlowsPath(scope)}/${encodeURIComponent(copy.backupId)}/json`}
                selected={picked.has(copy.backupId)}
                onSelect={select}
                onRestore={ask}
                refused={refused}
              />
            ))}
          </tbody>
        </table>
      )}
      {list && list.length > 0 && (
        <p className="notice">Copies are kept {copies.data?.retentionDays} days after the delete, then removed.</p>
      )}
      {askingMany && (
        <ConfirmDialog
          tone="primary"
          title={`Restore ${selected.length} ${selected.length === 1 ? 'flow' : 'flows'}?`}
          description={
            <p>
              Each comes back in <strong>{channel.name}</strong> as a new DRAFT with a new ID, made from its copy:{' '}
              {selected.map((copy) => flowLabel({ id: copy.flowId, name: copy.name })).join(', ')}.
            </p>
          }
          confirmLabel={`Restore ${selected.length} ${selected.length === 1 ? 'flow' : 'flows'}`}
          pendingLabel="Restoring…"
          pending={false}
          onConfirm={restoreSelected}
          onCancel={() => setAskingMany(false)}
        />
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
          onConfirm={() => {
            restoredCopy.current = asking.backupId
            restoreCopy({ backupId: asking.backupId, id: asking.flowId, name: asking.name }, flowLabel({ id: asking.flowId, name: asking.name }), {
              onSettled: () => setAsking(null),
            })
          }}
          onCancel={() => setAsking(null)}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            const row = restoredCopy.current === null ? null : document.querySelector<HTMLElement>(`tr[data-backup-id="${restoredCopy.current}"]`)
            restoredCopy.current = null
            const target = row ?? (opener.current?.isConnected && !(opener.current as HTMLButtonElement).disabled ? opener.current : document.querySelector<HTMLElement>('main h1'))
            target?.focus()
          }}
        />
      )}
    </div>
  )
}
