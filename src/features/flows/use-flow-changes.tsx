import { Suspense, useCallback, useRef, useState, type ReactNode, type RefObject } from 'react'
import { useAfterFirstContent } from '../../components/after-first-content'
import type { Channel, Flow } from '../../shared/flow'
import type { FlowScope } from './api/flow-queries'
import type { FlowChangeDialog } from './flow-change-dialog'
import { FlowChangeDialogs } from './components/lazy-flow-changes'


/** Not needed for the first paint; fetched right after it, it is there by the first click (or fetched then, if this fails). */
export function preloadFlowDialogs() {
  import('./flow-changes-chunk').catch(() => undefined)
}

export type FlowChangesOptions = {
  scope: FlowScope
  channel: Channel
  /** Where the focus goes when the row that opened a dialog is gone (e.g. the page's heading). */
  fallbackFocus: RefObject<HTMLElement | null>
  /** Refetches the list (offered after a change whose outcome is unknown). */
  refetchList: () => void
  /** After a delete removed a flow (e.g. to close its details). */
  onDeleted?: (flow: Flow) => void
  /** After every delete or deprecate, whatever its outcome (e.g. to refresh the audit trail). */
  onChangeSettled?: () => void
  clearSelection: () => void
}

/**
 * Delete, deprecate, clone, publish and bulk delete of a channel's flows: which confirmation is open and where the
 * focus goes after it. What a confirmation does lives in FlowChangeDialogs (loaded after the first
 * paint); `dialogs` renders it.
 */
export function useFlowChanges({ fallbackFocus, ...options }: FlowChangesOptions) {
  const [dialog, setDialog] = useState<FlowChangeDialog>(null)
  // Mounted once it is needed (a dialog opened) or the first content is painted, then for the page's
  // life: a change outlives its dialog. Rendering it earlier would load its code before the first rows.
  const [opened, setOpened] = useState(false)
  const later = useAfterFirstContent()
  // One dialog serves every row, so Radix has no Trigger to return focus to: we remember the opener.
  const opener = useRef<HTMLElement | null>(null)
  const rowsRemoved = useRef(false)

  const open = useCallback((next: FlowChangeDialog) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setOpened(true)
    setDialog(next)
  }, [])
  const askToDelete = useCallback((flow: Flow) => open({ kind: 'delete', flow }), [open])
  const askToDeprecate = useCallback((flow: Flow) => open({ kind: 'deprecate', flow }), [open])
  const askToClone = useCallback((flow: Flow) => open({ kind: 'clone', flow }), [open])
  const askToPublish = useCallback((flow: Flow) => open({ kind: 'publish', flow }), [open])
  const askToBulkDelete = useCallback((flows: Flow[]) => open({ kind: 'bulk', flows }), [open])
  const close = useCallback(() => setDialog(null), [])
  // From one confirmation to the next (the opener stays the one the first dialog returns the focus to).
  const replace = useCallback((next: FlowChangeDialog) => setDialog(next), [])
  const onRowsRemoved = useCallback(() => (rowsRemoved.current = true), [])
  const restoreFocus = useCallback(
    (event: Event) => {
      event.preventDefault()
      // After a delete the row and its button are gone: land on the fallback rather than on the page's body.
      const target = rowsRemoved.current || !opener.current?.isConnected ? fallbackFocus.current : opener.current
      rowsRemoved.current = false
      target?.focus()
    },
    [fallbackFocus],
  )

  const dialogs: ReactNode = (opened || later) && (
    <Suspense fallback={null}>
      <FlowChangeDialogs {...options} dialog={dialog} onClose={close} onReplace={replace} onCloseAutoFocus={restoreFocus} onRowsRemoved={onRowsRemoved} />
    </Suspense>
  )
  return { askToDelete, askToDeprecate, askToClone, askToPublish, askToBulkDelete, dialogs }
}
