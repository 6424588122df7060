import type { Logger } from 'pino'
import type { FailedRequest } from '../shared/lookup'

/** How many failures wait in memory at most while the database cannot take them (the oldest give way). */
const maxWaiting = 1000

/**
 * Every Error ID the operator is shown can be looked up: a failed request the database cannot take at
 * that moment (locked, down, full) waits in memory and is written when it can (tried again every
 * `retryMs`), and lookups see it meanwhile. The server log always has it.
 */
export function createFailureRecorder(write: (failure: FailedRequest) => Promise<void>, logger: Logger, { retryMs = 5000 }: { retryMs?: number } = {}) {
  const waiting = new Map<string, FailedRequest>()
  let timer: ReturnType<typeof setTimeout> | undefined

  function later() {
    timer ??= setTimeout(() => {
      timer = undefined
      void flush()
    }, retryMs)
    timer.unref?.()
  }

  async function flush() {
    for (const [errorId, failure] of waiting) {
      try {
        await write(failure)
        waiting.delete(errorId)
      } catch {
        break
      }
    }
    if (waiting.size > 0) later()
  }

  return {
    /** Not awaited by the answer: a store that fails must not turn an error into another one. */
    record(failure: FailedRequest) {
      write(failure).catch((error: unknown) => {
        logger.error({ err: error, errorId: failure.errorId }, 'the failed request could not be recorded now; kept in memory and written when the database takes it')
        if (waiting.size >= maxWaiting) waiting.delete(waiting.keys().next().value!)
        waiting.set(failure.errorId, failure)
        later()
      })
    },
    /** The waiting failures an Error ID or request ID names. */
    waitingFor(id: string): FailedRequest[] {
      const wanted = id.toLowerCase()
      return [...waiting.values()].filter((failure) => failure.errorId.toLowerCase() === wanted || failure.requestId.toLowerCase() === wanted)
    },
  }
}

export type FailureRecorder = ReturnType<typeof createFailureRecorder>
