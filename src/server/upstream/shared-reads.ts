import { CallerGoneError } from './errors'

/**
 * Identical reads in flight share one call to 8x8 (same path, same query). The shared call runs on a
 * signal of its own: a caller that goes away stops waiting (CallerGoneError for it alone), and the call
 * is aborted only when its last caller has left. A write forgets the reads of its channel that are in
 * flight, so a read that arrives after the write began starts a call of its own.
 */
export function sharedReads() {
  type Shared = { promise: Promise<unknown>; controller: AbortController; waiting: number }
  const inFlight = new Map<string, Shared>()

  return {
    share<T>(key: string, callerSignal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
      let shared = inFlight.get(key)
      if (!shared) {
        const controller = new AbortController()
        const created: Shared = { promise: run(controller.signal), controller, waiting: 0 }
        inFlight.set(key, created)
        const settled = () => {
          if (inFlight.get(key) === created) inFlight.delete(key)
        }
        created.promise.then(settled, settled)
        shared = created
      }
      const joined = shared
      joined.waiting += 1
      return new Promise<T>((resolve, reject) => {
        let done = false
        const finish = () => {
          done = true
          joined.waiting -= 1
          callerSignal?.removeEventListener('abort', leave)
        }
        function leave() {
          if (done) return
          finish()
          if (joined.waiting === 0) {
            if (inFlight.get(key) === joined) inFlight.delete(key)
            joined.controller.abort(callerSignal?.reason)
          }
          reject(new CallerGoneError('the caller went away before 8x8 answered'))
        }
        if (callerSignal?.aborted) return leave()
        callerSignal?.addEventListener('abort', leave, { once: true })
        joined.promise.then(
          (value) => {
            if (done) return
            finish()
            resolve(value as T)
          },
          (error: unknown) => {
            if (done) return
            finish()
            reject(error)
          },
        )
      })
    },
    forget(prefix: string) {
      for (const key of inFlight.keys()) if (key.startsWith(prefix)) inFlight.delete(key)
    },
  }
}
