import type { ApiError } from '../../../api/api-error'
import { ErrorDetails } from '../../../components/error-details'
import type { Flow } from '../../../shared/flow'
import { flowLabel } from '../flow-label'
import { ConfirmDialog } from './confirm-dialog'

export type FlowDialogProps = {
  /** The flow to act on (the dialog is mounted only while open). */
  flow: Flow
  channelName: string
  pending: boolean
  onConfirm: (flow: Flow) => void
  onCancel: () => void
  onCloseAutoFocus?: (event: Event) => void
  /** Where the flow's JSON can be downloaded, to keep a copy first. */
  jsonHref?: (flow: Flow) => string
  /** How long the server waits for 8x8 (from /api/config), to say how long the wait may be. */
  timeoutMs?: number
}

function WaitingFor8x8({ timeoutMs }: { timeoutMs?: number }) {
  const seconds = timeoutMs === undefined ? undefined : Math.ceil(timeoutMs / 1000)
  return (
    <>
      Waiting for 8x8 to confirm.{' '}
      {seconds === undefined
        ? 'If 8x8 does not answer in time, you will be told that the outcome is unknown.'
        : `This can take up to ${seconds} seconds; if 8x8 has not answered by then, you will be told that the outcome is unknown.`}
    </>
  )
}

function FlowNamed({ flow, channelName, verb }: { flow: Flow; channelName: string; verb: string }) {
  return (
    <p>
      <strong>{flowLabel(flow)}</strong> (ID <code>{flow.id}</code>) will be {verb} channel <strong>{channelName}</strong>.
    </p>
  )
}

function DownloadCopy({ href }: { href: string }) {
  return (
    <p className="dialog__extra small">
      Want a copy first?{' '}
      <a href={href} download>
        Download flow JSON
      </a>
    </p>
  )
}

export function DeleteFlowDialog({ flow, channelName, pending, onConfirm, onCancel, onCloseAutoFocus, jsonHref, timeoutMs, keptDays }: FlowDialogProps & { keptDays?: number }) {
  return (
    <ConfirmDialog
      title="Delete flow?"
      description={
        <>
          <FlowNamed flow={flow} channelName={channelName} verb="deleted from" />
          {keptDays === undefined ? (
            <p className="dialog__warning">Deletion is permanent and cannot be undone.</p>
          ) : (
            <>
              <p className="dialog__warning">Deletion at 8x8 is permanent: 8x8 cannot undo it.</p>
              <p>
                Flows Admin keeps a copy for {keptDays} days in Deleted flows; it can be restored as a new draft with a new ID.
              </p>
            </>
          )}
        </>
      }
      extra={jsonHref && <DownloadCopy href={jsonHref(flow)} />}
      confirmLabel="Delete flow"
      pendingLabel="Deleting…"
      pendingNote={<WaitingFor8x8 timeoutMs={timeoutMs} />}
      pending={pending}
      onConfirm={() => onConfirm(flow)}
      onCancel={onCancel}
      onCloseAutoFocus={onCloseAutoFocus}
    />
  )
}

/** The second confirmation, after the copy a delete keeps first could not be made (nothing was deleted). */
export function DeleteWithoutCopyDialog({
  flow,
  channelName,
  error,
  pending,
  onConfirm,
  onCancel,
  onCloseAutoFocus,
  timeoutMs,
}: FlowDialogProps & { error: ApiError }) {
  return (
    <ConfirmDialog
      title="Delete without a backup?"
      description={
        <>
          <p>
            <strong>{flowLabel(flow)}</strong> (ID <code>{flow.id}</code>) is still in <strong>{channelName}</strong>: why, below.
          </p>
          <p className="dialog__warning">Deleted now, it is gone for good: the deletion at 8x8 is permanent and no copy is kept to restore.</p>
        </>
      }
      extra={<ErrorDetails error={error} copyName={`Copy error ID (${flowLabel(flow)})`} />}
      confirmLabel="Delete without a backup"
      pendingLabel="Deleting…"
      pendingNote={<WaitingFor8x8 timeoutMs={timeoutMs} />}
      pending={pending}
      onConfirm={() => onConfirm(flow)}
      onCancel={onCancel}
      onCloseAutoFocus={onCloseAutoFocus}
    />
  )
}

export function DeprecateFlowDialog({ flow, channelName, pending, onConfirm, onCancel, onCloseAutoFocus, jsonHref, timeoutMs }: FlowDialogProps) {
  return (
    <ConfirmDialog
      title="Deprecate flow?"
      description={
        <>
          <FlowNamed flow={flow} channelName={channelName} verb="deprecated in" />
          <p>
            Customers can no longer be sent this flow. Copies already sent may still be opened and answered. The flow stays
            in the list as DEPRECATED.
          </p>
          <p className="dialog__warning">Deprecation is permanent and cannot be undone: the flow cannot be published again.</p>
        </>
      }
      extra={jsonHref && <DownloadCopy href={jsonHref(flow)} />}
      confirmLabel="Deprecate flow"
      pendingLabel="Deprecating…"
      pendingNote={<WaitingFor8x8 timeoutMs={timeoutMs} />}
      pending={pending}
      onConfirm={() => onConfirm(flow)}
      onCancel={onCancel}
      onCloseAutoFocus={onCloseAutoFocus}
    />
  )
}
