import { Suspense, useCallback, useRef, useState, type ReactNode, type RefObject } from 'react'
import { recordError } from '../../components/recent-errors/recent-errors-store'
import { useToast } from '../../components/toast/toast-context'
import { useAppConfig } from '../config/api/config-query'
import type { Channel, Flow } from '../../shared/flow'
import { deleteFlow, useDeleteFlow, useDeprecateFlow, useUpdateFlowList } from './api/delete-flow'
import { flowJsonHref } from './api/flow-details'
import type { FlowScope } from './api/flow-queries'
import type { BulkOutcome } from './bulk-run'
import { isOutcomeUnknown } from './delete-outcome'
import { flowLabel } from './flow-label'

import { BulkDeleteDialog, DeleteFlowDialog, DeprecateFlowDialog } from './components/lazy-flow-dialogs'

/** The dialogs are not needed for the first paint; fetched right after it, they are there by the first click. */
export function preloadFlowDialogs() {
  void import('./components/flow-dialogs')
  void import('./components/bulk-delete-dialog')
}

type Dialog = { kind: 'delete' | 'deprecate'; flow: Flow } | { kind: 'bulk'; flows: Flow[] } | null

export type FlowChangesOptions = {
  scope: FlowScope
  channel: Channel
  /** Where the focus goes when the row that opened a dialog is gone (e.g. the page's heading). */
  fallbackFocus: RefObject<HTMLElement | null>
  /** Refetches the list (offered after a change whose outcome is unknown). */
  refetchList: () => void
  /** After a delete removed the flow whose details are open. */
  onDeleted?: (flow: Flow) => void
  /** After every delete or deprecate, whatever its outcome (e.g. to refresh the audit trail). */
  onChangeSettled?: () => void
  clearSelection: () => void
}

/**
 * Delete, deprecate and bulk delete of a channel's flows: which confirmation is open, what happens
 * when it is confirmed (one request per confirmation), the notifications that follow, and where the
 * focus goes after. `dialogs` renders the open confirmation, if any.
 */
export function useFlowChanges({ scope, channel, fallbackFocus, refetchList, onDeleted, onChangeSettled, clearSelection }: FlowChangesOptions) {
  const deletion = useDeleteFlow(scope)
  const deprecation = useDeprecateFlow(scope)
  const updateList = useUpdateFlowList(scope)
  const timeoutMs = useAppConfig().data?.upstreamTimeoutMs
  const showToast = useToast()
  const [dialog, setDialog] = useState<Dialog>(null)
  // One dialog serves every row, so Radix has no Trigger to return focus to: we remember the opener.
  const opener = useRef<HTMLElement | null>(null)
  const rowWasRemoved = useRef(false)

  const open = useCallback((next: Dialog) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setDialog(next)
  }, [])
  const askToDelete = useCallback((flow: Flow) => open({ kind: 'delete', flow }), [open])
  const askToDeprecate = useCallback((flow: Flow) => open({ kind: 'deprecate', flow }), [open])
  const askToBulkDelete = useCallback((flows: Flow[]) => open({ kind: 'bulk', flows }), [open])

  function confirm(flow: Flow, kind: 'delete' | 'deprecate') {
    const mutation = kind === 'delete' ? deletion : deprecation
    const done = kind === 'delete' ? 'Deleted' : 'Deprecated'
    const label = flowLabel(flow)
    mutation.mutate(flow, {
      onSettled: () => onChangeSettled?.(),
      onSuccess: () => {
        rowWasRemoved.current = kind === 'delete'
        setDialog(null)
        if (kind === 'delete') onDeleted?.(flow)
        showToast({
          kind: 'success',
          title: `${done} “${label}”`,
          description: kind === 'delete' ? `It was removed from ${channel.name}.` : 'It can no longer be sent to customers.',
        })
      },
      onError: (error) => {
        setDialog(null)
        const copyName = `Copy error ID (${label})`
        if (isOutcomeUnknown(error)) {
          const check = kind === 'delete' ? 'the flow is gone' : 'the flow is now DEPRECATED'
          showToast({
            kind: 'error',
            title: `“${label}” may or may not be ${done.toLowerCase()}`,
            hint:
              error.source === 'network'
                ? `No answer came back from the Flows Admin server, so the request may or may not have reached 8x8. Refresh the list to see whether ${check}.`
                : `No confirmation came back from 8x8 in time. Refresh the list to see whether ${check}.`,
            error,
            copyName,
            action: { label: 'Refresh list', onClick: refetchList },
          })
          return
        }
        showToast({ kind: 'error', title: `Couldn't ${kind} “${label}”`, error, copyName })
      },
    })
  }

  function bulkFinished(outcomes: BulkOutcome<Flow>[]) {
    const deleted = new Set(outcomes.flatMap((o) => (o.state === 'done' ? [o.item.id] : [])))
    for (const o of outcomes) if ('error' in o) recordError(o.error, { action: 'Delete (bulk)', flowName: o.item.name, flowId: o.item.id })
    rowWasRemoved.current = deleted.size > 0
    clearSelection()
    void updateList((current) => current.filter((f) => !deleted.has(f.id)))
    onChangeSettled?.()
  }

  function restoreFocus(event: Event) {
    event.preventDefault()
    // After a delete the row and its button are gone: land on the fallback rather than on the page's body.
    const target = rowWasRemoved.current || !opener.current?.isConnected ? fallbackFocus.current : opener.current
    rowWasRemoved.current = false
    target?.focus()
  }

  const dialogProps = {
    channelName: channel.name,
    timeoutMs,
    onCancel: () => setDialog(null),
    onCloseAutoFocus: restoreFocus,
    jsonHref: (flow: Flow) => flowJsonHref(scope, flow.id),
  }
  // Rendered only while open: a keystroke in the search box should not re-render closed dialogs.
  const dialogs: ReactNode = (
    <Suspense fallback={null}>
      {dialog?.kind === 'delete' && (
        <DeleteFlowDialog {...dialogProps} flow={dialog.flow} pending={deletion.isPending} onConfirm={(flow) => confirm(flow, 'delete')} />
      )}
      {dialog?.kind === 'deprecate' && (
        <DeprecateFlowDialog {...dialogProps} flow={dialog.flow} pending={deprecation.isPending} onConfirm={(flow) => confirm(flow, 'deprecate')} />
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
  )

  return { askToDelete, askToDeprecate, askToBulkDelete, dialogs }
}
