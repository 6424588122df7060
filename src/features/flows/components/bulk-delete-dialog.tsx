import * as AlertDialog from '@radix-ui/react-alert-dialog'
import { useEffect, useRef, useState } from 'react'
import { CopyButton } from '../../../components/copy-button'
import { useActOnce } from '../../../components/use-act-once'
import type { Flow } from '../../../shared/flow'
import { failureLines, runBulk, type BulkOutcome } from '../bulk-run'
import { flowLabel } from '../flow-label'

export type BulkDeleteDialogProps = {
  /** The drafts to delete (the dialog is mounted only while open, so a new run starts fresh). */
  flows: Flow[]
  channelName: string
  deleteOne: (flow: Flow) => Promise<void>
  /** Once the run has ended (done or stopped), with every flow's outcome. */
  onFinished: (outcomes: BulkOutcome<Flow>[]) => void
  onClose: () => void
  onCloseAutoFocus?: (event: Event) => void
}

/** Deletes at once at most this many; the proxy's limiter keeps the pace within 8x8's per-minute budget. */
const concurrency = 3

const stateText: Record<BulkOutcome<Flow>['state'], string> = {
  pending: 'Waiting',
  running: 'Deleting…',
  done: 'Deleted',
  skipped: 'Not deleted (stopped)',
  failed: 'Failed',
  unknown: 'Unknown: refresh to see',
}

export function BulkDeleteDialog({ flows, channelName, deleteOne, onFinished, onClose, onCloseAutoFocus }: BulkDeleteDialogProps) {
  const [outcomes, setOutcomes] = useState<BulkOutcome<Flow>[] | null>(null)
  const [finished, setFinished] = useState(false)
  const [stopping, setStopping] = useState(false)
  const stopper = useRef<AbortController | null>(null)
  const running = outcomes !== null && !finished
  // The button that was pressed goes away as the run starts and ends: keep the focus in the dialog,
  // on what can be done now.
  const stopButton = useRef<HTMLButtonElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (running) stopButton.current?.focus()
    if (finished) closeButton.current?.focus()
  }, [running, finished])

  // One confirmation, one run: a second click before the first re-render must not start a second.
  const start = useActOnce(() => {
    stopper.current = new AbortController()
    void runBulk(flows, deleteOne, { concurrency, signal: stopper.current.signal, onChange: setOutcomes }).then((result) => {
      setFinished(true)
      onFinished(result)
    })
  })

  const count = (state: BulkOutcome<Flow>['state']) => outcomes?.filter((o) => o.state === state).length ?? 0
  const settled = outcomes?.filter((o) => o.state !== 'pending' && o.state !== 'running').length ?? 0
  const failures = outcomes ? failureLines(outcomes) : ''
  const n = flows.length

  return (
    <AlertDialog.Root open onOpenChange={(open) => open || running || onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog dialog--wide"
          onEscapeKeyDown={(event) => running && event.preventDefault()}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <AlertDialog.Title className="dialog__title">
            {outcomes === null ? `Delete ${n} ${n === 1 ? 'flow' : 'flows'}?` : finished ? 'Bulk delete finished' : `Deleting ${n} flows…`}
          </AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog__body">
              {outcomes === null ? (
                <>
                  <p>
                    These drafts will be deleted from channel <strong>{channelName}</strong>:
                  </p>
                  <p className="dialog__warning">Deletion is permanent and cannot be undone.</p>
                </>
              ) : (
                <p aria-live="polite">
                  {finished
                    ? `${count('done')} deleted, ${count('failed')} failed, ${count('unknown')} unknown, ${count('skipped')} not started.`
                    : `${settled} of ${n} done.`}
                </p>
              )}
            </div>
          </AlertDialog.Description>
          {outcomes !== null && <progress className="bulk__progress" max={n} value={settled} aria-label="Bulk delete progress" />}
          <ul className="bulk__list" aria-label="Flows to delete">
            {(outcomes ?? flows.map((item) => ({ item, state: 'pending' as const }))).map((outcome) => (
              <li key={outcome.item.id} className={`bulk__item bulk__item--${outcome.state}`}>
                <span className="bulk__name">
                  {flowLabel(outcome.item)} <code className="small">{outcome.item.id}</code>
                </span>
                {outcomes !== null && (
                  <span className="bulk__state small">
                    {stateText[outcome.state]}
                    {'error' in outcome && (
                      <>
                        {' '}
                        · <code>{String(outcome.error.code)}</code> · <code className="selectable">{outcome.error.errorId}</code>
                      </>
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <div className="dialog__actions">
            {outcomes === null && (
              <>
                <AlertDialog.Cancel className="button">Cancel</AlertDialog.Cancel>
                <button type="button" className="button button--danger" onClick={() => start()}>
                  Delete {n} {n === 1 ? 'flow' : 'flows'}
                </button>
              </>
            )}
            {running && (
              <button
                type="button"
                className="button"
                ref={stopButton}
                disabled={stopping}
                onClick={() => {
                  stopper.current?.abort()
                  setStopping(true)
                }}
              >
                {stopping ? 'Stopping…' : 'Stop'}
              </button>
            )}
            {finished && (
              <>
                {failures !== '' && <CopyButton text={failures} label="Copy all error IDs" />}
                <button type="button" className="button" onClick={onClose} ref={closeButton}>
                  Close
                </button>
              </>
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
