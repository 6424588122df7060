import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { ErrorPanel } from '../../../components/error-panel'
import { recordError } from '../../../components/recent-errors/recent-errors-store'
import { useToast } from '../../../components/toast/toast-context'
import type { Channel, Flow } from '../../../shared/flow'
import { deleteFlow, useDeleteFlow, useDeprecateFlow, useUpdateFlowList } from '../api/delete-flow'
import { flowJsonHref } from '../api/flow-details'
import { flowQueries, requestedFlowLimit } from '../api/flow-queries'
import type { BulkOutcome } from '../bulk-run'
import { isOutcomeUnknown } from '../delete-outcome'
import { filterFlows, isFiltered, sortFlows, type SortKey } from '../flow-filters'
import { flowLabel } from '../flow-label'
import { useFlowFilters, useOpenFlowId } from '../use-flow-filters'
import { useSelection } from '../use-selection'
import { FlowSearch } from './flow-search'
import { FlowsTable, renderAllUpTo } from './flows-table'
import { UpdatedAgo } from './updated-ago'

// Not needed for the first paint. The dialogs' code is fetched right after it (see usePreloadDialogs), so
// it is there by the time anyone clicks Delete. The details panel loads when first opened.
const loadFlowDialogs = () => import('./flow-dialogs')
const loadBulkDialog = () => import('./bulk-delete-dialog')
const DeleteFlowDialog = lazy(() => loadFlowDialogs().then((m) => ({ default: m.DeleteFlowDialog })))
const DeprecateFlowDialog = lazy(() => loadFlowDialogs().then((m) => ({ default: m.DeprecateFlowDialog })))
const BulkDeleteDialog = lazy(() => loadBulkDialog().then((m) => ({ default: m.BulkDeleteDialog })))

function usePreloadDialogs() {
  useEffect(() => {
    void loadFlowDialogs()
    void loadBulkDialog()
  }, [])
}
const FlowDetailsPanel = lazy(() => import('./flow-details-panel').then((m) => ({ default: m.FlowDetailsPanel })))

export type ChannelFlowsProps = {
  accountId: string
  channel: Channel
  /** Rendered in the toolbar; the app decides how switching channels navigates. */
  channelPicker: ReactNode
  /** After every delete or deprecate, whatever its outcome (e.g. to refresh the audit trail). */
  onChangeSettled?: () => void
}

type Dialog = { kind: 'delete' | 'deprecate'; flow: Flow } | { kind: 'bulk'; flows: Flow[] } | null

function countText(shown: number, total: number, filtered: boolean) {
  const flows = total === 1 ? 'flow' : 'flows'
  return filtered ? `${shown} of ${total} ${flows}` : `${total} ${flows}`
}

export function ChannelFlows({ accountId, channel, channelPicker, onChangeSettled }: ChannelFlowsProps) {
  const scope = useMemo(() => ({ accountId, channelId: channel.id }), [accountId, channel.id])
  // Refetched on window focus (react-query's default); the table keeps showing the list meanwhile.
  const flows = useQuery(flowQueries.list(scope))
  usePreloadDialogs()
  const deletion = useDeleteFlow(scope)
  const deprecation = useDeprecateFlow(scope)
  const updateList = useUpdateFlowList(scope)
  const showToast = useToast()
  const [filters, setFilters] = useFlowFilters()
  const [openFlowId, setOpenFlowId] = useOpenFlowId()
  const [dialog, setDialog] = useState<Dialog>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // One dialog serves every row, so Radix has no Trigger to return focus to: we remember the opener.
  const opener = useRef<HTMLElement | null>(null)
  const rowWasRemoved = useRef(false)

  const list = flows.data?.flows
  // Sorted once per list and sort order; a keystroke only filters, and long lists render only the rows
  // in view, so the table follows the search box in the same frame.
  const { query, status, sort: { key: sortKey, direction: sortDirection } } = filters
  const sorted = useMemo(() => (list ? sortFlows(list, { key: sortKey, direction: sortDirection }) : []), [list, sortKey, sortDirection])
  const shown = useMemo(() => filterFlows(sorted, { query, status }), [sorted, query, status])
  const { selected, select, selectMany, clear } = useSelection(list)

  const open = useCallback((next: Dialog) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setDialog(next)
  }, [])
  const askToDelete = useCallback((flow: Flow) => open({ kind: 'delete', flow }), [open])
  const askToDeprecate = useCallback((flow: Flow) => open({ kind: 'deprecate', flow }), [open])
  const showDetails = useCallback((flow: Flow) => setOpenFlowId(flow.id), [setOpenFlowId])
  const onSort = useCallback(
    (key: SortKey) => {
      const direction = filters.sort.key === key && filters.sort.direction === 'ascending' ? 'descending' : 'ascending'
      setFilters({ ...filters, sort: { key, direction } })
    },
    [filters, setFilters],
  )

  function confirm(flow: Flow, kind: 'delete' | 'deprecate') {
    const mutation = kind === 'delete' ? deletion : deprecation
    const done = kind === 'delete' ? 'Deleted' : 'Deprecated'
    mutation.mutate(flow, {
      onSettled: () => onChangeSettled?.(),
      onSuccess: () => {
        rowWasRemoved.current = kind === 'delete'
        setDialog(null)
        if (kind === 'delete' && openFlowId === flow.id) setOpenFlowId(null)
        showToast({ kind: 'success', title: `${done} “${flowLabel(flow)}”`, description: kind === 'delete' ? `It was removed from ${channel.name}.` : 'It can no longer be sent to customers.' })
      },
      onError: (error) => {
        setDialog(null)
        if (isOutcomeUnknown(error)) {
          showToast({
            kind: 'error',
            title: `“${flowLabel(flow)}” may or may not be ${done.toLowerCase()}`,
            hint: `No confirmation came back from 8x8. Refresh the list to see whether ${kind === 'delete' ? 'the flow is gone' : 'the flow is now DEPRECATED'}.`,
            error,
            action: { label: 'Refresh list', onClick: () => void flows.refetch() },
          })
          return
        }
        showToast({ kind: 'error', title: `Couldn't ${kind} “${flowLabel(flow)}”`, error })
      },
    })
  }

  function bulkFinished(outcomes: BulkOutcome<Flow>[]) {
    const deleted = new Set(outcomes.flatMap((o) => (o.state === 'done' ? [o.item.id] : [])))
    for (const o of outcomes) if ('error' in o) recordError(o.error, { action: 'Delete (bulk)', flowName: o.item.name, flowId: o.item.id })
    rowWasRemoved.current = deleted.size > 0
    clear()
    void updateList((current) => current.filter((f) => !deleted.has(f.id)))
    onChangeSettled?.()
  }

  function restoreFocus(event: Event) {
    event.preventDefault()
    // After a delete the row and its button are gone: land on the heading rather than on the page's body.
    const target = rowWasRemoved.current || !opener.current?.isConnected ? headingRef.current : opener.current
    rowWasRemoved.current = false
    target?.focus()
  }

  const filtered = isFiltered(filters)
  // In the order the table sorts them, including any the search now hides: the dialog names them all.
  const selectedFlows = sorted.filter((flow) => selected.has(flow.id))
  const dialogProps = { channelName: channel.name, onCancel: () => setDialog(null), onCloseAutoFocus: restoreFocus, jsonHref: (flow: Flow) => flowJsonHref(scope, flow.id) }
  return (
    <section className="flows" aria-labelledby="flows-heading">
      <div className="page-header">
        <h1 id="flows-heading" ref={headingRef} tabIndex={-1}>
          WhatsApp Flows
        </h1>
        <p className="muted">
          {channel.name} · channel ID <code className="selectable">{channel.id}</code>
        </p>
      </div>

      <search className="toolbar" aria-label="Find flows">
        {channelPicker}
        <FlowSearch filters={filters} onChange={(next, { typing }) => setFilters(next, { typing })} />
      </search>
      <div className="toolbar toolbar--status">
        <span className="toolbar__count" aria-live="polite">
          {list && countText(shown.length, list.length, filtered)}
        </span>
        <UpdatedAgo at={flows.dataUpdatedAt} />
        <button type="button" className="button" onClick={() => flows.refetch()} disabled={flows.isFetching}>
          {flows.isFetching && !flows.isPending ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>

      {selected.size > 0 && (
        <section className="bulk-bar" aria-label="Selection">
          <span>{selected.size} selected</span>
          <button type="button" className="button button--danger" onClick={() => open({ kind: 'bulk', flows: selectedFlows })}>
            Delete selected…
          </button>
          <button type="button" className="button" onClick={clear}>
            Clear selection
          </button>
        </section>
      )}

      {flows.error && (
        <ErrorPanel
          title={list ? "Couldn't refresh the flows; showing the list loaded before" : "Couldn't load the flows"}
          error={flows.error}
          onRetry={() => flows.refetch()}
          retrying={flows.isFetching}
        />
      )}

      {flows.isPending && (
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading flows…
        </output>
      )}

      {list?.length === 0 && (
        <div className="state state--empty">
          <h2>No flows in {channel.name}</h2>
          <p className="muted">Flows created in 8x8 Connect or through the API show up here.</p>
        </div>
      )}

      {list && list.length > 0 && shown.length === 0 && (
        <div className="state state--empty">
          <h2>No flows match</h2>
          <p className="muted">
            Nothing in {channel.name} matches {filters.query.trim() === '' ? 'this status' : <>“{filters.query.trim()}”</>}.{' '}
            <button type="button" className="link-button" onClick={() => setFilters({ ...filters, query: '', status: 'ALL' })}>
              Clear the search
            </button>
          </p>
        </div>
      )}

      <div className={openFlowId ? 'flows__body flows__body--with-details' : 'flows__body'}>
        {shown.length > 0 && (
          <div className="flows__table">
            <FlowsTable
              flows={shown}
              caption={`Flows in ${channel.name}`}
              windowed={(list?.length ?? 0) > renderAllUpTo}
              sort={filters.sort}
              onSort={onSort}
              selected={selected}
              onSelect={select}
              onSelectAll={(on) => selectMany(shown, on)}
              onDetails={showDetails}
              onDelete={askToDelete}
              onDeprecate={askToDeprecate}
            />
            {list && list.length >= requestedFlowLimit && (
              <p className="notice">8x8 returned its maximum of {requestedFlowLimit} flows. More may exist; 8x8's list cannot be paged.</p>
            )}
          </div>
        )}
        {openFlowId && (
          <Suspense fallback={<output className="details muted">Loading details…</output>}>
            <FlowDetailsPanel
              key={openFlowId}
              scope={scope}
              flowId={openFlowId}
              listed={list?.find((flow) => flow.id === openFlowId)}
              onClose={() => {
                setOpenFlowId(null)
                headingRef.current?.focus()
              }}
              onDelete={askToDelete}
              onDeprecate={askToDeprecate}
            />
          </Suspense>
        )}
      </div>

      {/* Rendered only while open: a keystroke in the search box should not re-render closed dialogs. */}
      <Suspense fallback={null}>
        {dialog?.kind === 'delete' && (
          <DeleteFlowDialog {...dialogProps} flow={dialog.flow} pending={deletion.isPending} onConfirm={(flow) => confirm(flow, 'delete')} />
        )}
        {dialog?.kind === 'deprecate' && (
          <DeprecateFlowDialog
            {...dialogProps}
            flow={dialog.flow}
            pending={deprecation.isPending}
            onConfirm={(flow) => confirm(flow, 'deprecate')}
          />
        )}
        {dialog?.kind === 'bulk' && (
          <BulkDeleteDialog
            flows={dialog.flows}
            channelName={channel.name}
            deleteOne={(flow) => deleteFlow(scope, flow)}
            onFinished={bulkFinished}
            onClose={() => setDialog(null)}
            onCloseAutoFocus={restoreFocus}
          />
        )}
      </Suspense>
    </section>
  )
}
