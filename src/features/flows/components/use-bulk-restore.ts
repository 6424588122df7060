import { useRef, useState } from 'react'
import type { RestoreResult } from '../../../shared/deleted-flows'
import type { Flow } from '../../../shared/flow'
import { bulkConcurrency, runBulk, type BulkOutcome } from '../bulk-run'

/** A flow deleted in a bulk run, with the copy kept of it. */
export type BulkCopy = { flow: Flow; backupId: string }
export type RestoreOutcome = BulkOutcome<BulkCopy, RestoreResult>

/**
 * "Restore all deleted" after a bulk delete, and "Retry failed restores" after that: each run restores
 * its copies once (a second click while one runs is ignored), and its outcomes replace those of the same
 * flows, so the list shows every flow's latest restore.
 */
export function useBulkRestore(restoreOne: (backupId: string) => Promise<RestoreResult>, onRestored: (outcomes: RestoreOutcome[]) => void) {
  const [outcomes, setOutcomes] = useState<Map<string, RestoreOutcome> | null>(null)
  const [running, setRunning] = useState(false)
  const busy = useRef(false)

  const merge = (latest: RestoreOutcome[]) =>
    setOutcomes((before) => {
      const next = new Map(before)
      for (const outcome of latest) next.set(outcome.item.flow.id, outcome)
      return next
    })

  function restore(copies: BulkCopy[]) {
    if (busy.current || copies.length === 0) return
    busy.current = true
    setRunning(true)
    void runBulk(copies, (copy) => restoreOne(copy.backupId), { concurrency: bulkConcurrency, signal: new AbortController().signal, onChange: merge }).then((result) => {
      busy.current = false
      setRunning(false)
      onRestored(result)
    })
  }

  const all = outcomes ? [...outcomes.values()] : []
  const failed = all.filter((outcome) => outcome.state === 'failed' || outcome.state === 'unknown').map((outcome) => outcome.item)
  return {
    /** The latest restore of a flow, when one was tried. */
    of: (flowId: string) => outcomes?.get(flowId),
    started: outcomes !== null,
    running,
    restored: all.filter((outcome) => outcome.state === 'done').length,
    failed,
    waitingMs: Math.max(0, ...all.map((outcome) => (outcome.state === 'waiting' ? outcome.waitMs : 0))),
    restore,
  }
}
