import { useQueryClient } from '@tanstack/react-query'
import { memo } from 'react'
import type { ApiError } from '../../../api/api-error'
import { recordError } from '../../../components/recent-errors/recent-errors-store'
import { useToast } from '../../../components/toast/toast-context'
import { proxyErrorCodes } from '../../../shared/error-codes'
import { useAppConfig } from '../../config/api/config-query'
import { deletedFlowQueries } from '../deleted/api/deleted-flow-queries'
import { restoreFlow } from '../deleted/api/restore-flow'
import { useRestoreWithNotice } from '../deleted/use-restore-with-notice'
import type { DeleteResult } from '../../../shared/deleted-flows'
import type { Channel, Flow } from '../../../shared/flow'
import { deleteFlow, useDeleteFlow, useDeprecateFlow, useUpdateFlowList } from '../api/delete-flow'
import { flowJsonHref } from '../api/flow-details'
import type { FlowScope } from '../api/flow-queries'
import type { BulkOutcome } from '../bulk-run'
import { isOutcomeUnknown } from '../delete-outcome'
import { flowLabel } from '../flow-label'
import type { FlowChangeDialog } from '../flow-change-dialog'
import { BulkDeleteDialog } from './bulk-delete-dialog'
import { DeleteFlowDialog, DeleteWithoutCopyDialog, DeprecateFlowDialog } from './flow-dialogs'
import { LifecycleChange } from './lifecycle-changes'

export type FlowChangeDialogsProps = {
  dialog: FlowChangeDialog
  scope: FlowScope
  channel: Channel
  onClose: () => void
  /** Opens the next confirmation in place of this one. */
  onReplace: (next: FlowChangeDialog) => void
  onCloseAutoFocus: (event: Event) => void
  /** The change removed rows from the list (the focus cannot go back to them). */
  onRowsRemoved: () => void
  refetchList: () => void
  onDeleted?: (flow: Flow) => void
  onChangeSettled?: () => void
  clearSelection: () => void
}

/** How long a delete's notice (and its Undo) stays: long enough to notice the wrong flow went. */
const undoDurationMs = 15_000

/**
 * The open confirmation (delete, deprecate or bulk delete) and what happens once it is confirmed:
 * one request per confirmation, the notification that follows (with Undo after a delete that kept a
 * copy), the second confirmation when no copy could be made, Recent errors for bulk failures.
 * Loaded after the first paint; mounted for the page's life, so a change outlives its dialog.
 */
export const FlowChangeDialogs = memo(function FlowChangeDialogs(props: FlowChangeDialogsProps) {
  const { dialog, scope, channel, onClose, onReplace, onCloseAutoFocus, onRowsRemoved, refetchList, onDeleted, onChangeSettled, clearSelection } = props
  const deletion = useDeleteFlow(scope)
  const deprecation = useDeprecateFlow(scope)
  const updateList = useUpdateFlowList(scope)
  const config = useAppConfig().data
  const showToast = useToast()
  const { restoreCopy } = useRestoreWithNotice(scope, channel.name)
  const queryClient = useQueryClient()
  // The channel's copies change with every delete (and restore): their count is on the page.
  const refreshCopies = () => void queryClient.invalidateQueries({ queryKey: deletedFlowQueries.all() })

  function deleted(flow: Flow, result: DeleteResult) {
    refreshCopies()
    onRowsRemoved()
    onClose()
    onDeleted?.(flow)
    const label = flowLabel(flow)
    const { backupId } = result
    showToast(
      backupId === null
        ? { kind: 'success', title: `Deleted “${label}”`, description: `It was removed from ${channel.name}; no copy was kept.` }
        : {
            kind: 'success',
            title: `Deleted “${label}”`,
            description: `It was removed from ${channel.name}. A copy is in Deleted flows.`,
            durationMs: undoDurationMs,
            // Undo cannot bring the old ID back: it restores the copy as a new draft, and says so.
            action: { label: 'Undo (restores as a new draft)', onClick: () => restoreCopy({ backupId, id: flow.id, name: flow.name }, label) },
          },
    )
  }

  function failed(flow: Flow, kind: 'delete' | 'deprecate', error: ApiError) {
    const label = flowLabel(flow)
    if (kind === 'delete' && error.code === proxyErrorCodes.backupFailed) {
      // Nothing was deleted. The operator sees why and decides again, knowing there is no way back.
      onReplace({ kind: 'delete-without-copy', flow, error })
      return
    }
    onClose()
    const copyName = `Copy error ID (${label})`
    if (isOutcomeUnknown(error)) {
      const check = kind === 'delete' ? 'the flow is gone' : 'the flow is now DEPRECATED'
      showToast({
        kind: 'error',
        // Short, to fit a notice's one line; the hint says what to do.
        title: `${kind === 'delete' ? 'Delete' : 'Deprecation'} not confirmed: “${label}”`,
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
  }

  function confirmDelete(flow: Flow, withoutCopyAfter?: ApiError) {
    deletion.mutate(
      { ...flow, withoutCopyAfter },
      { onSettled: () => onChangeSettled?.(), onSuccess: (result) => deleted(flow, result), onError: (error) => failed(flow, 'delete', error) },
    )
  }

  function confirmDeprecate(flow: Flow) {
    deprecation.mutate(flow, {
      onSettled: () => onChangeSettled?.(),
      onSuccess: () => {
        onClose()
        showToast({ kind: 'success', title: `Deprecated “${flowLabel(flow)}”`, description: 'It can no longer be sent to customers.' })
      },
      onError: (error) => failed(flow, 'deprecate', error),
    })
  }

  function bulkFinished(outcomes: BulkOutcome<Flow, DeleteResult>[]) {
    const removed = new Set(outcomes.flatMap((o) => (o.state === 'done' ? [o.item.id] : [])))
    for (const o of outcomes) if ('error' in o) recordError(o.error, { action: 'Delete (bulk)', flowName: o.item.name, flowId: o.item.id })
    if (removed.size > 0) {
      onRowsRemoved()
      refreshCopies()
    }
    clearSelection()
    void updateList((current) => current.filter((f) => !removed.has(f.id)))
    onChangeSettled?.()
  }

  if (dialog === null) return null
  const timeoutMs = config?.upstreamTimeoutMs
  const keptDays = config?.keepsDeletedFlows ? config.retentionDays : undefined
  const dialogProps = { channelName: channel.name, onCancel: onClose, onCloseAutoFocus, jsonHref: (flow: Flow) => flowJsonHref(scope, flow.id) }
  switch (dialog.kind) {
    case 'bulk':
      return (
        <BulkDeleteDialog
          flows={dialog.flows}
          channelName={channel.name}
          keptDays={keptDays}
          deleteOne={(flow) => deleteFlow(scope, flow, { bulk: true })}
          restoreOne={(backupId) => restoreFlow(scope, backupId, { bulk: true })}
          onFinished={bulkFinished}
          onRestored={(restores) => {
            for (const r of restores) if ('error' in r) recordError(r.error, { action: 'Restore (bulk)', flowName: r.item.flow.name, flowId: r.item.flow.id })
            refetchList()
            refreshCopies()
            onChangeSettled?.()
          }}
          onClose={onClose}
          onCloseAutoFocus={onCloseAutoFocus}
        />
      )
    case 'delete':
      // With a copy to keep, the wait covers two reads from 8x8 and the delete.
      return (
        <DeleteFlowDialog
          {...dialogProps}
          timeoutMs={timeoutMs && (keptDays === undefined ? timeoutMs : 3 * timeoutMs)}
          keptDays={keptDays}
          flow={dialog.flow}
          pending={deletion.isPending}
          onConfirm={(flow) => confirmDelete(flow)}
        />
      )
    case 'delete-without-copy':
      return (
        <DeleteWithoutCopyDialog
          {...dialogProps}
          timeoutMs={timeoutMs}
          flow={dialog.flow}
          error={dialog.error}
          pending={deletion.isPending}
          onConfirm={(flow) => confirmDelete(flow, dialog.error)}
        />
      )
    case 'clone':
    case 'publish':
      return <LifecycleChange dialog={dialog} scope={scope} channel={channel} onClose={onClose} onCloseAutoFocus={onCloseAutoFocus} refetchList={refetchList} onChangeSettled={onChangeSettled} />
    case 'deprecate':
      return <DeprecateFlowDialog {...dialogProps} timeoutMs={timeoutMs} flow={dialog.flow} pending={deprecation.isPending} onConfirm={confirmDeprecate} />
  }
})
