import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useMemo, useRef, useState, type ReactNode } from 'react'
import { ErrorPanel } from '../../../components/error-panel'
import { useToast } from '../../../components/toast/toast-context'
import type { Channel, Flow } from '../../../shared/flow'
import { useDeleteFlow } from '../api/delete-flow'
import { flowQueries, requestedFlowLimit } from '../api/flow-queries'
import { isOutcomeUnknown } from '../delete-outcome'
import { flowLabel } from '../flow-label'
import { FlowsTable } from './flows-table'

// The dialog (Radix AlertDialog with its focus trap and scroll lock) is not needed for the first paint.
// It is rendered, and so fetched, right after the first render: by the time anyone clicks Delete it is there.
const DeleteFlowDialog = lazy(() => import('./delete-flow-dialog').then((module) => ({ default: module.DeleteFlowDialog })))

export type ChannelFlowsProps = {
  accountId: string
  channel: Channel
  /** Rendered in the toolbar; the app decides how switching channels navigates. */
  channelPicker: ReactNode
  /** After every delete, whatever its outcome (e.g. to refresh the audit trail). */
  onDeleteSettled?: () => void
}

function countText(count: number) {
  return count === 1 ? '1 flow' : `${count} flows`
}

export function ChannelFlows({ accountId, channel, channelPicker, onDeleteSettled }: ChannelFlowsProps) {
  const scope = useMemo(() => ({ accountId, channelId: channel.id }), [accountId, channel.id])
  const flows = useQuery(flowQueries.list(scope))
  const deletion = useDeleteFlow(scope)
  const showToast = useToast()
  const [flowToDelete, setFlowToDelete] = useState<Flow | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // One dialog serves every row, so Radix has no Trigger to return focus to: we remember the opener.
  const opener = useRef<HTMLElement | null>(null)
  const rowWasDeleted = useRef(false)

  function askToDelete(flow: Flow) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setFlowToDelete(flow)
  }

  function confirmDelete(flow: Flow) {
    deletion.mutate(flow, {
      onSettled: () => onDeleteSettled?.(),
      onSuccess: () => {
        rowWasDeleted.current = true
        setFlowToDelete(null)
        showToast({ kind: 'success', title: `Deleted “${flowLabel(flow)}”`, description: `It was removed from ${channel.name}.` })
      },
      onError: (error) => {
        setFlowToDelete(null)
        if (isOutcomeUnknown(error)) {
          showToast({
            kind: 'error',
            title: `“${flowLabel(flow)}” may or may not be deleted`,
            hint: 'No confirmation came back from 8x8. Refresh the list to see whether the flow is gone.',
            error,
            action: { label: 'Refresh list', onClick: () => void flows.refetch() },
          })
          return
        }
        showToast({ kind: 'error', title: `Couldn't delete “${flowLabel(flow)}”`, error })
      },
    })
  }

  function restoreFocus(event: Event) {
    event.preventDefault()
    // After a delete the row and its button are gone: land on the heading rather than on the page's body.
    const target = rowWasDeleted.current || !opener.current?.isConnected ? headingRef.current : opener.current
    rowWasDeleted.current = false
    target?.focus()
  }

  const list = flows.data?.flows
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

      <div className="toolbar">
        {channelPicker}
        <span className="toolbar__count" aria-live="polite">
          {list && countText(list.length)}
        </span>
        <button type="button" className="button" onClick={() => flows.refetch()} disabled={flows.isFetching}>
          {flows.isFetching && !flows.isPending ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>

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

      {list && list.length > 0 && (
        <>
          <FlowsTable flows={list} caption={`Flows in ${channel.name}`} onDelete={askToDelete} />
          {list.length >= requestedFlowLimit && (
            <p className="notice">
              8x8 returned its maximum of {requestedFlowLimit} flows. More may exist; 8x8's list cannot be paged.
            </p>
          )}
        </>
      )}

      <Suspense fallback={null}>
        <DeleteFlowDialog
          flow={flowToDelete}
          channelName={channel.name}
          pending={deletion.isPending}
          onConfirm={confirmDelete}
          onCancel={() => setFlowToDelete(null)}
          onCloseAutoFocus={restoreFocus}
        />
      </Suspense>
    </section>
  )
}
