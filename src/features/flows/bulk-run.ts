import { ApiError, isApiError, newErrorId } from '../../api/api-error'
import { isOutcomeUnknown } from './delete-outcome'
import { flowLabel } from './flow-label'
import type { Flow } from '../../shared/flow'

export type BulkOutcome<T, R = unknown> =
  | { item: T; state: 'pending' | 'running' | 'skipped' }
  | { item: T; state: 'done'; result: R }
  | { item: T; state: 'failed' | 'unknown'; error: ApiError; at: string }

export type BulkOptions<T, R> = {
  /** How many run at once. The proxy's limiter queues the rest within 8x8's per-minute budget. */
  concurrency: number
  /** Stops starting new items; those already sent are seen through (a delete cannot be called back). */
  signal: AbortSignal
  onChange: (outcomes: BulkOutcome<T, R>[]) => void
  /** How long to wait before retrying an item the proxy refused with 429 (it never reached 8x8). */
  rateLimitWaitMs?: number
}

/** The client throws ApiError for every failure; anything else is a bug here, still reported with an id. */
function asApiError(error: unknown): ApiError {
  return isApiError(error) ? error : new ApiError(0, 'CLIENT_ERROR', newErrorId(), String(error), 'network')
}

const maxRateLimitRetries = 3

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
 * A 429 (rate limited: nothing happened) is retried after a pause; any other failure is final.
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
      for (let attempt = 1; ; attempt++) {
        try {
          set(index, { item, state: 'done', result: await work(item) })
          break
        } catch (thrown) {
          const error = asApiError(thrown)
          if (error.status === 429 && attempt <= maxRateLimitRetries && !options.signal.aborted) {
            await wait(options.rateLimitWaitMs ?? 5000, options.signal)
            if (!options.signal.aborted) continue
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
