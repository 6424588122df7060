import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { Link } from 'react-router'
import { afterFirstContent, firstContentShown, useAfterFirstContent } from '../../../components/after-first-content'
import { ErrorPanel } from '../../../components/error-panel'
import { retryableLazy } from '../../../components/retryable-lazy'
import { deletedFlowQueries } from '../deleted/api/deleted-flow-queries'
import type { Channel, Flow } from '../../../shared/flow'
import { flowQueries, requestedFlowLimit } from '../api/flow-queries'
import { filterFlows, isFiltered, sortFlows, type SortKey } from '../flow-filters'
import { useNameOrder } from '../name-order-context'
import { useFlowChanges, preloadFlowDialogs } from '../use-flow-changes'
import { useFlowUrlState } from '../use-flow-filters'
import { useSelection } from '../use-selection'
import { editorHref, newFlowHref } from '../flow-hrefs'
import { useTemplateUse } from '../use-template-use'
import { FlowSearch } from './flow-search'
import { FlowsTable, renderAllUpTo } from './flows-table'
import { useWidePage } from '../../../components/page-width'
import { useHydrated } from '../../../components/use-hydrated'
import { UpdatedAgo } from './updated-ago'
import { BulkBar } from './lazy-flow-changes'
import { useAppConfig } from '../../config/api/config-query'

// What the list says of itself (an old list, templates unknown): loaded after the first content.
const ListNotices = retryableLazy(() => import('./list-notices').then((m) => ({ default: m.ListNotices })), { quietWhile: () => true })
// The details panel loads when first opened.
const FlowDetailsPanel = retryableLazy(() => import('./flow-details-panel').then((m) => ({ default: m.FlowDetailsPanel })))

export type ChannelFlowsProps = {
  accountId: string
  channel: Channel
  /** Rendered in the toolbar; the app decides how switching channels navigates. */
  channelPicker: ReactNode
  /** After every delete or deprecate, whatever its outcome (e.g. to refresh the audit trail). */
  onChangeSettled?: () => void
  /** Where the channel's Deleted flows are (the app owns the routes). */
  deletedFlowsHref: string
}

function countText(shown: number, total: number, filtered: boolean) {
  const flows = total === 1 ? 'flow' : 'flows'
  return filtered ? `${shown} of ${total} ${flows}` : `${total} ${flows}`
}

export function ChannelFlows({ accountId, channel, channelPicker, onChangeSettled, deletedFlowsHref }: ChannelFlowsProps) {
  const scope = useMemo(() => ({ accountId, channelId: channel.id }), [accountId, channel.id])
  // Refetched on window focus (react-query's default); the table keeps showing the list meanwhile.
  const flows = useQuery(flowQueries.list(scope))
  const queryClient = useQueryClient()
  // The operator's Refresh (the button, a notice's Refresh list, Try again): as 8x8 has it now. Its code
  // comes with the dialogs' after the first content; should it not arrive (the server gone), a plain refetch says why.
  const refresh = useCallback(
    () => void import('../flow-changes-chunk').then(({ refreshChannel }) => refreshChannel(queryClient, scope), () => flows.refetch()),
    [queryClient, scope, flows],
  )
  const stale = flows.data?.stale
  const { templateUse, templatesError } = useTemplateUse(scope)
  // The list (or why there is none) is this page's first content; the rest waits for it to be painted:
  // the count of deleted flows, and the dialogs' code (there by the first click).
  const later = useAfterFirstContent()
  const hydrated = useHydrated()
  useEffect(() => {
    if (!flows.isPending) firstContentShown()
  }, [flows.isPending])
  useEffect(() => afterFirstContent(preloadFlowDialogs), [])
  const deleted = useQuery({ ...deletedFlowQueries.list(scope), enabled: later })
  const { filters, setFilters, openFlowId, setOpenFlowId } = useFlowUrlState()
  useWidePage(openFlowId !== null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const editHref = useCallback((flowId: string) => editorHref(scope, flowId), [scope])
  const refused = useAppConfig().data?.refusals[channel.id]

  const list = flows.data?.flows
  // Sorted once per list and sort order; a keystroke only filters, and long lists render only the rows
  // in view, so the table follows the search box in the same frame.
  const { query, status, sort: { key: sortKey, direction: sortDirection } } = filters
  const nameOrder = useNameOrder()
  const sorted = useMemo(() => (list ? sortFlows(list, { key: sortKey, direction: sortDirection }, nameOrder) : []), [list, sortKey, sortDirection, nameOrder])
  const shown = useMemo(() => filterFlows(sorted, { query, status }), [sorted, query, status])
  const { selected, select, selectMany, clear } = useSelection(list, templateUse)
  const { askToDelete, askToDeprecate, askToClone, askToPublish, askToBulkDelete, dialogs } = useFlowChanges({
    scope,
    channel,
    fallbackFocus: headingRef,
    refetchList: refresh,
    onDeleted: (flow) => openFlowId === flow.id && setOpenFlowId(null),
    onChangeSettled,
    clearSelection: clear,
  })
  // Closing the details returns the focus (and so the scroll) to the row that opened them.
  const detailsOpener = useRef<HTMLElement | null>(null)
  const showDetails = useCallback(
    (flow: Flow) => {
      detailsOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      setOpenFlowId(flow.id)
    },
    [setOpenFlowId],
  )
  const onSort = useCallback(
    (key: SortKey) => {
      const direction = filters.sort.key === key && filters.sort.direction === 'ascending' ? 'descending' : 'ascending'
      setFilters({ ...filters, sort: { key, direction } })
    },
    [filters, setFilters],
  )

  const filtered = isFiltered(filters)
  // In the order the table sorts them, including any the search now hides: the dialog names them all.
  const selectedFlows = sorted.filter((flow) => selected.has(flow.id))
  const heldBack = selected.size > 0 ? shown.filter((flow) => flow.status === 'DRAFT' && templateUse.has(flow.id)).length : 0
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
        <UpdatedAgo at={stale ? Date.parse(stale.readAt) : flows.dataUpdatedAt} />
        {/* Open to every role: the editor says, read-only, when the role may not create. */}
        <Link className="button button--primary" to={newFlowHref(scope)}>
          New flow
        </Link>
        <Link className="toolbar__link" to={deletedFlowsHref}>
          Deleted flows{deleted.data && ` (${deleted.data.deletedFlows.filter((copy) => copy.restored === null).length})`}
        </Link>
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's body. */}
        <button type="button" className="button" onClick={() => flows.isFetching || refresh()} aria-disabled={flows.isFetching}>
          {flows.isFetching && !flows.isPending ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>

      {selected.size > 0 && (
        <Suspense fallback={null}>
          <BulkBar count={selected.size} heldBack={heldBack} onDelete={() => askToBulkDelete(selectedFlows)} onClear={clear} />
        </Suspense>
      )}

      {flows.error && (
        <ErrorPanel
          title={list ? "Couldn't refresh the flows; showing the list loaded before" : "Couldn't load the flows"}
          error={flows.error}
          onRetry={refresh}
          retrying={flows.isFetching}
        />
      )}

      {later && (
        <Suspense fallback={null}>
          <ListNotices scope={scope} />
        </Suspense>
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
              templateUse={templateUse}
              onSelect={select}
              onSelectAll={(on) => selectMany(shown, on)}
              onDetails={showDetails}
              onDelete={askToDelete}
              onDeprecate={askToDeprecate}
              onClone={askToClone}
              onPublish={askToPublish}
              editHref={editHref}
              refused={refused}
            />
            {list && list.length >= requestedFlowLimit && (
              <p className="notice">8x8 returned its maximum of {requestedFlowLimit} flows. More may exist; 8x8's list cannot be paged.</p>
            )}
          </div>
        )}
        {/* After hydration: the server does not render the panel (its code and styles load with it). */}
        {openFlowId && hydrated && (
          <Suspense fallback={<output className="side-panel details muted">Loading details…</output>}>
            <FlowDetailsPanel
              key={openFlowId}
              scope={scope}
              flowId={openFlowId}
              listed={list?.find((flow) => flow.id === openFlowId)}
              templates={templateUse.get(openFlowId)}
              templatesError={templatesError}
              onClose={() => {
                setOpenFlowId(null)
                const opener = detailsOpener.current
                if (opener?.isConnected) opener.focus()
                else headingRef.current?.focus()
              }}
              onDelete={askToDelete}
              onDeprecate={askToDeprecate}
              onClone={askToClone}
              editHref={editHref}
            />
          </Suspense>
        )}
      </div>

      {dialogs}
    </section>
  )
}
