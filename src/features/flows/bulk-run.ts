import { ApiError, isApiError, newErrorId } from '../../api/api-error'
import { isOutcomeUnknown } from './delete-outcome'
import { flowLabel } from './flow-label'
import type { Flow } from '../../shared/flow'

export type BulkOutcome<T, R = unknown> =
  | { item: T; state: 'pending' | 'running' | 'skipped' }
  /** The server's own budget for 8x8 is spent (nothing was sent): waiting `waitMs`, as it asked, then again. */
  | { item: T; state: 'waiting'; waitMs: number }
  | { item: T; state: 'done'; result: R }
  | { item: T; state: 'failed' | 'unknown'; error: ApiError; at: string }

export type BulkOptions<T, R> = {
  /** How many run at once. The proxy's limiter queues the rest within 8x8's per-minute budget. */
  concurrency: number
  /** Stops starting new items; those already sent are seen through (a delete cannot be called back). */
  signal: AbortSignal
  onChange: (outcomes: BulkOutcome<T, R>[]) => void
  /** Waits (tests pass their own clock); resolves early when the run is stopped. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/** The client throws ApiError for every failure; anything else is a bug here, still reported with an id. */
function asApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ApiError(0, 'CLIENT_ERROR', newErrorId(), String(error), 'network')
}

/** How many changes of a bulk run (deletes, restores) are with the server at once; its limiter keeps the pace. */
export const bulkConcurrency = 3

/** When the server's refusal does not say how long: its budget is per minute, so a few seconds. */
const defaultBudgetWaitMs = 5000
/** A run that waited this often for one item has a server whose budget never frees: that item fails. */
const maxBudgetWaits = 40

/** The server refused before sending anything to 8x8: its own per-minute budget for 8x8 is spent. */
export function isOwnBudgetRefusal(error: ApiError): boolean {
  return error.status === 429 && error.code === 'RATE_LIMITED' && error.source === 'proxy'
}

function wait(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
  })
}

/**
 * Runs `work` for every item with bounded concurrency and reports each item's state as it changes.
 * The server's own budget refusal (nothing reached 8x8) is tried again after the wait it asks for, as
 * often as it takes; any other failure is final (8x8's own 429 among them: it reached 8x8).
 */
export async function runBulk<T, R>(items: readonly T[], work: (item: T) => Promise<R>, options: BulkOptions<T, R>): Promise<BulkOutcome<T, R>[]> {
  const outcomes: BulkOutcome<T, R>[] = items.map((item) => ({ item, state: 'pending' }))
  const set = (index: number, outcome: BulkOutcome<T, R>) => {
    outcomes[index] = outcome
    options.onChange([...outcomes])
  }
  let next = 0

  async function worker() {
    while (next < items.length) {
      const index = next++
      const item = items[index]
      if (options.signal.aborted) {
        set(index, { item, state: 'skipped' })
        continue
      }
      set(index, { item, state: 'running' })
      for (let waits = 0; ; waits++) {
        try {
          set(index, { item, state: 'done', result: await work(item) })
          break
        } catch (thrown) {
          const error = asApiError(thrown)
          if (isOwnBudgetRefusal(error) && waits < maxBudgetWaits && !options.signal.aborted) {
            const waitMs = error.retryAfterMs ?? defaultBudgetWaitMs
            set(index, { item, state: 'waiting', waitMs })
            await (options.sleep ?? wait)(waitMs, options.signal)
            if (options.signal.aborted) {
              set(index, { item, state: 'skipped' })
              break
            }
            set(index, { item, state: 'running' })
            continue
          }
          const state = isOutcomeUnknown(error) ? 'unknown' : 'failed'
          set(index, { item, state, error, at: new Date().toISOString() })
          break
        }
      }
    }
  }

  options.onChange([...outcomes])
  await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, worker))
  return outcomes
}

/** One line per failure, ready for a support ticket: flow, code, errorId, time. */
export function failureLines(outcomes: BulkOutcome<Flow, unknown>[]): string {
  return outcomes
    .flatMap((o) => ('error' in o ? [`${flowLabel(o.item)} (${o.item.id})\t${o.error.code}\t${o.error.errorId}\t${o.at}`] : []))
    .join('\n')
}
