import * as AlertDialog from '@radix-ui/react-alert-dialog'
import { DialogFrame } from './dialog-frame'
import { useEffect, useRef, useState } from 'react'
import { CopyButton } from '../../../components/copy-button'
import { useActOnce } from '../../../components/use-act-once'
import type { DeleteResult, RestoreResult } from '../../../shared/deleted-flows'
import { proxyErrorCodes } from '../../../shared/error-codes'
import type { Flow } from '../../../shared/flow'
import { bulkConcurrency, failureLines, runBulk, type BulkOutcome } from '../bulk-run'
import { flowLabel } from '../flow-label'
import { useBulkRestore, type BulkCopy, type RestoreOutcome } from './use-bulk-restore'
import './dialogs.css'

export type BulkDeleteDialogProps = {
  /** The drafts to delete (the dialog is mounted only while open, so a new run starts fresh). */
  flows: Flow[]
  channelName: string
  /** How long copies are kept, when deletes keep them. */
  keptDays?: number
  deleteOne: (flow: Flow) => Promise<DeleteResult>
  restoreOne: (backupId: string) => Promise<RestoreResult>
  /** Once the run has ended (done or stopped), with every flow's outcome. */
  onFinished: (outcomes: BulkOutcome<Flow, DeleteResult>[]) => void
  /** Once a run of restores ("Restore all deleted", "Retry failed restores") has ended, with its copies' outcomes. */
  onRestored: (outcomes: RestoreOutcome[]) => void
  onClose: () => void
  onCloseAutoFocus?: (event: Event) => void
}


/** "about 12 s" */
const aboutSeconds = (ms: number) => `about ${Math.max(1, Math.round(ms / 1000))} s`

function stateOf(outcome: BulkOutcome<Flow, DeleteResult>): string {
  if (outcome.state === 'failed' && outcome.error.code === proxyErrorCodes.backupFailed) return 'Not deleted: no copy could be made'
  return stateText[outcome.state]
}

const restoreText: Record<RestoreOutcome['state'], string> = {
  pending: 'waiting to be restored',
  waiting: "waiting for 8x8's rate limit",
  running: 'restoring…',
  done: 'restored',
  skipped: 'not restored',
  failed: 'restore failed',
  unknown: 'restore unknown: refresh to see',
}

const stateText: Record<BulkOutcome<Flow>['state'], string> = {
  pending: 'Waiting',
  waiting: "Waiting for 8x8's rate limit",
  running: 'Deleting…',
  done: 'Deleted',
  skipped: 'Not deleted (stopped)',
  failed: 'Failed',
  unknown: 'Unknown: refresh to see',
}

export function BulkDeleteDialog(props: BulkDeleteDialogProps) {
  const { flows, channelName, keptDays, deleteOne, restoreOne, onFinished, onRestored, onClose, onCloseAutoFocus } = props
  const [outcomes, setOutcomes] = useState<BulkOutcome<Flow, DeleteResult>[] | null>(null)
  const [finished, setFinished] = useState(false)
  const [stopping, setStopping] = useState(false)
  const restores = useBulkRestore(restoreOne, onRestored)
  const stopper = useRef<AbortController | null>(null)
  const restoring = restores.running
  const running = (outcomes !== null && !finished) || restoring
  // The button that was pressed goes away as the run starts and ends: keep the focus in the dialog,
  // on what can be done now.
  const stopButton = useRef<HTMLButtonElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (running && !restoring) stopButton.current?.focus()
    if (finished && !restoring) closeButton.current?.focus()
  }, [running, finished, restoring])

  // One confirmation, one run: a second click before the first re-render must not start a second.
  const start = useActOnce(() => {
    stopper.current = new AbortController()
    void runBulk(flows, deleteOne, { concurrency: bulkConcurrency, signal: stopper.current.signal, onChange: setOutcomes }).then((result) => {
      setFinished(true)
      onFinished(result)
    })
  })

  const copies: BulkCopy[] = (outcomes ?? []).flatMap((o) => (o.state === 'done' && o.result.backupId !== null ? [{ flow: o.item, backupId: o.result.backupId }] : []))
  // Each copy restored once, whatever the clicking.
  const restoreAll = useActOnce(() => restores.restore(copies))
  const count = (state: BulkOutcome<Flow>['state']) => outcomes?.filter((o) => o.state === state).length ?? 0
  const settled = outcomes?.filter((o) => o.state !== 'pending' && o.state !== 'running' && o.state !== 'waiting').length ?? 0
  const waitingMs = Math.max(restores.waitingMs, ...(outcomes ?? []).map((o) => (o.state === 'waiting' ? o.waitMs : 0)))
  const failures = outcomes ? failureLines(outcomes) : ''
  const n = flows.length

  return (
    <DialogFrame
      wide
      busy={running}
      onClose={onClose}
      onCloseAutoFocus={onCloseAutoFocus}
      title={outcomes === null ? `Delete ${n} ${n === 1 ? 'flow' : 'flows'}?` : finished ? 'Bulk delete finished' : `Deleting ${n} flows…`}
    >
      <AlertDialog.Description asChild>
        <div className="dialog__body">
          {outcomes === null ? (
            <>
              <p>
                These drafts will be deleted from channel <strong>{channelName}</strong>:
              </p>
              {keptDays === undefined ? (
                <p className="dialog__warning">Deletion is permanent and cannot be undone.</p>
              ) : (
                <>
                  <p className="dialog__warning">Deletion at 8x8 is permanent: 8x8 cannot undo it.</p>
                  <p>
                    Flows Admin keeps a copy of each for {keptDays} days in Deleted flows; each can be restored as a new draft with a new ID.
                  </p>
                </>
              )}
            </>
          ) : (
            <p aria-live="polite">
              {finished
                ? `${count('done')} deleted, ${count('failed')} failed, ${count('unknown')} unknown, ${count('skipped')} not started.${
                    restores.started && !restoring
                      ? ` ${restores.restored} of ${copies.length} restored as new drafts${restores.failed.length > 0 ? `, ${restores.failed.length} not restored` : ''}.`
                      : ''
                  }`
                : `${settled} of ${n} done.`}
              {waitingMs > 0 && ` Waiting for 8x8's rate limit: ${aboutSeconds(waitingMs)}.`}
            </p>
          )}
        </div>
      </AlertDialog.Description>
      {outcomes !== null && <progress className="bulk__progress" max={n} value={settled} aria-label="Bulk delete progress" />}
      <ul className="bulk__list" aria-label="Flows to delete">
        {(outcomes ?? flows.map((item) => ({ item, state: 'pending' as const }))).map((outcome) => {
          const restore = restores.of(outcome.item.id)
          return (
            <li key={outcome.item.id} className={`bulk__item bulk__item--${outcome.state}`}>
              <span className="bulk__name">
                {flowLabel(outcome.item)} <code className="small">{outcome.item.id}</code>
              </span>
              {outcomes !== null && (
                <span className="bulk__state small">
                  {stateOf(outcome)}
                  {'error' in outcome && (
                    <>
                      {' '}
                      · <code>{String(outcome.error.code)}</code> · <code className="selectable">{outcome.error.errorId}</code>
                    </>
                  )}
                  {restore && (
                    <span className={`bulk__restore bulk__restore--${restore.state}`}>
                      {', '}
                      {restoreText[restore.state]}
                      {restore.state === 'done' && (
                        <>
                          {' '}
                          as <code className="selectable">{restore.result.flowId}</code>
                        </>
                      )}
                      {'error' in restore && (
                        <>
                          {' '}
                          · <code>{String(restore.error.code)}</code> · <code className="selectable">{restore.error.errorId}</code>
                        </>
                      )}
                    </span>
                  )}
                </span>
              )}
            </li>
          )
        })}
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
        {running && !restoring && (
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
        {restoring && (
          <output className="small" aria-live="polite">
            Restoring {copies.length} {copies.length === 1 ? 'flow' : 'flows'}…
          </output>
        )}
        {finished && !restoring && (
          <>
            {!restores.started && copies.length > 0 && (
              <button type="button" className="button" onClick={restoreAll}>
                Restore all deleted
              </button>
            )}
            {restores.failed.length > 0 && (
              <button type="button" className="button" onClick={() => restores.restore(restores.failed)}>
                Retry failed restores ({restores.failed.length})
              </button>
            )}
            {failures !== '' && <CopyButton text={failures} label="Copy all error IDs" />}
            <button type="button" className="button" onClick={onClose} ref={closeButton}>
              Close
            </button>
          </>
        )}
      </div>
    </DialogFrame>
  )
}
