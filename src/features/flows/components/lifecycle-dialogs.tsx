import * as AlertDialog from '@radix-ui/react-alert-dialog'
import { useId, useState } from 'react'
import { flowEditLimits } from '../../../shared/flow-edit'
import type { Flow } from '../../../shared/flow'
import { useActOnce } from '../../../components/use-act-once'
import { flowLabel } from '../flow-label'
import { ConfirmDialog } from './confirm-dialog'
import { DialogFrame } from './dialog-frame'
import './dialogs.css'

type DialogBase = {
  flow: Flow
  pending: boolean
  onCancel: () => void
  onCloseAutoFocus?: (event: Event) => void
}

/**
 * Publishing cannot be undone: the dialog says so first. A published flow can no longer be edited or
 * deleted at 8x8, only deprecated.
 */
export function PublishFlowDialog({ flow, channelName, pending, onConfirm, onCancel, onCloseAutoFocus }: DialogBase & { channelName: string; onConfirm: (flow: Flow) => void }) {
  return (
    <ConfirmDialog
      title="Publish flow?"
      description={
        <>
          <p>
            <strong>{flowLabel(flow)}</strong> (ID <code>{flow.id}</code>) will be published in channel <strong>{channelName}</strong>, and can then be
            sent to customers.
          </p>
          <p className="dialog__warning">Publishing cannot be undone.</p>
          <p>A published flow can no longer be edited or deleted at 8x8, only deprecated. To change it later, clone it.</p>
        </>
      }
      confirmLabel="Publish flow"
      pendingLabel="Publishing…"
      pending={pending}
      onConfirm={() => onConfirm(flow)}
      onCancel={onCancel}
      onCloseAutoFocus={onCloseAutoFocus}
      tone="primary"
    />
  )
}

/**
 * A new draft with the flow's JSON, under the name the operator gives ("<name> (copy)" to start).
 * The name field has the focus; Enter clones, Escape cancels (except while the clone is with 8x8).
 */
export function CloneFlowDialog({ flow, pending, onConfirm, onCancel, onCloseAutoFocus }: DialogBase & { onConfirm: (flow: Flow, name: string) => void }) {
  const [name, setName] = useState(`${flow.name} (copy)`.slice(0, flowEditLimits.nameLength))
  const fieldId = useId()
  const problem = name.trim() === '' ? 'Give the clone a name.' : undefined
  const [tried, setTried] = useState(false)
  const cloneOnce = useActOnce(() => onConfirm(flow, name.trim()))
  return (
    <DialogFrame
      title="Clone flow"
      busy={pending}
      onClose={onCancel}
      onOpenAutoFocus={(event) => {
        event.preventDefault()
        const field = document.getElementById(fieldId)
        if (field instanceof HTMLInputElement) {
          field.focus()
          field.select()
        }
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          setTried(true)
          if (!problem && !pending) cloneOnce()
        }}
      >
        <AlertDialog.Description asChild>
          <div className="dialog__body">
            <p>
              A new draft with the JSON, categories and endpoint URL of <strong>{flowLabel(flow)}</strong> (ID <code>{flow.id}</code>). The original stays
              as it is; the clone opens in the editor.
            </p>
          </div>
        </AlertDialog.Description>
        <div className="field">
          <label htmlFor={fieldId}>Name of the clone</label>
          <input
            id={fieldId}
            className="input"
            value={name}
            maxLength={flowEditLimits.nameLength}
            aria-invalid={tried && problem !== undefined}
            aria-describedby={tried && problem ? `${fieldId}-problem` : undefined}
            onChange={(event) => setName(event.target.value)}
            readOnly={pending}
          />
          {tried && problem && (
            <span id={`${fieldId}-problem`} className="field__problem">
              {problem}
            </span>
          )}
        </div>
        <div className="dialog__actions">
          <AlertDialog.Cancel className="button" disabled={pending}>
            Cancel
          </AlertDialog.Cancel>
          <button type="submit" className="button button--primary" aria-disabled={pending} aria-busy={pending}>
            {pending && <span className="spinner" aria-hidden="true" />}
            {pending ? 'Cloning…' : 'Clone flow'}
          </button>
        </div>
      </form>
    </DialogFrame>
  )
}
