import { memo } from 'react'
import { recordError } from '../../../components/recent-errors/recent-errors-store'
import { useToast } from '../../../components/toast/toast-context'
import { useAppConfig } from '../../config/api/config-query'
import type { Channel, Flow } from '../../../shared/flow'
import { deleteFlow, useDeleteFlow, useDeprecateFlow, useUpdateFlowList } from '../api/delete-flow'
import { flowJsonHref } from '../api/flow-details'
import type { FlowScope } from '../api/flow-queries'
import type { BulkOutcome } from '../bulk-run'
import { isOutcomeUnknown } from '../delete-outcome'
import { flowLabel } from '../flow-label'
import type { FlowChangeDialog } from '../use-flow-changes'
import { BulkDeleteDialog } from './bulk-delete-dialog'
import { DeleteFlowDialog, DeprecateFlowDialog } from './flow-dialogs'

export type FlowChangeDialogsProps = {
  dialog: FlowChangeDialog
  scope: FlowScope
  channel: Channel
  onClose: () => void
  onCloseAutoFocus: (event: Event) => void
  /** The change removed rows from the list (the focus cannot go back to them). */
  onRowsRemoved: () => void
  refetchList: () => void
  onDeleted?: (flow: Flow) => void
  onChangeSettled?: () => void
  clearSelection: () => void
}

/**
 * The open confirmation (delete, deprecate or bulk delete) and what happens once it is confirmed:
 * one request per confirmation, the notification that follows, Recent errors for bulk failures.
 * Loaded after the first paint; mounted for the page's life, so a change outlives its dialog.
 */
export const FlowChangeDialogs = memo(function FlowChangeDialogs(props: FlowChangeDialogsProps) {
  const { dialog, scope, channel, onClose, onCloseAutoFocus, onRowsRemoved, refetchList, onDeleted, onChangeSettled, clearSelection } = props
  const deletion = useDeleteFlow(scope)
  const deprecation = useDeprecateFlow(scope)
  const updateList = useUpdateFlowList(scope)
  const timeoutMs = useAppConfig().data?.upstreamTimeoutMs
  const showToast = useToast()

  function confirm(flow: Flow, kind: 'delete' | 'deprecate') {
    const mutation = kind === 'delete' ? deletion : deprecation
    const done = kind === 'delete' ? 'Deleted' : 'Deprecated'
    const label = flowLabel(flow)
    mutation.mutate(flow, {
      onSettled: () => onChangeSettled?.(),
      onSuccess: () => {
        if (kind === 'delete') onRowsRemoved()
        onClose()
        if (kind === 'delete') onDeleted?.(flow)
        showToast({
          kind: 'success',
          title: `${done} “${label}”`,
          description: kind === 'delete' ? `It was removed from ${channel.name}.` : 'It can no longer be sent to customers.',
        })
      },
      onError: (error) => {
        onClose()
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
    if (deleted.size > 0) onRowsRemoved()
    clearSelection()
    void updateList((current) => current.filter((f) => !deleted.has(f.id)))
    onChangeSettled?.()
  }

  if (dialog === null) return null
  const dialogProps = { channelName: channel.name, timeoutMs, onCancel: onClose, onCloseAutoFocus, jsonHref: (flow: Flow) => flowJsonHref(scope, flow.id) }
  if (dialog.kind === 'bulk') {
    return (
      <BulkDeleteDialog
        flows={dialog.flows}
        channelName={channel.name}
        deleteOne={(flow) => deleteFlow(scope, flow)}
        onFinished={bulkFinished}
        onClose={onClose}
        onCloseAutoFocus={onCloseAutoFocus}
      />
    )
  }
  return dialog.kind === 'delete' ? (
    <DeleteFlowDialog {...dialogProps} flow={dialog.flow} pending={deletion.isPending} onConfirm={(flow) => confirm(flow, 'delete')} />
  ) : (
    <DeprecateFlowDialog {...dialogProps} flow={dialog.flow} pending={deprecation.isPending} onConfirm={(flow) => confirm(flow, 'deprecate')} />
  )
})
