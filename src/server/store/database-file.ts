import { statSync } from 'node:fs'
import type { Logger } from 'pino'

export class DatabaseFileGoneError extends Error {
  override name = 'DatabaseFileGoneError'
}

/**
 * The SQLite file as it was opened: its device and inode. Removed or replaced while the server runs
 * (a cleanup script, a restore from backup over it), the server would write into a file no one can
 * open again, and lose it at the next restart. `check` throws once the file at `path` is not the one
 * opened; the server then refuses changes until it is restarted (the first time is logged).
 */
export function watchDatabaseFile(path: string, logger?: Logger) {
  const identity = (): string | undefined => {
    try {
      const { dev, ino } = statSync(path)
      return `${dev}:${ino}`
    } catch {
      return undefined
    }
  }
  const opened = identity()
  let reported = false
  return {
    /** Throws DatabaseFileGoneError when the file at `path` is gone or another. */
    check() {
      if (opened === undefined || identity() === opened) return
      const error = new DatabaseFileGoneError(
        `the database file ${path} was removed or replaced while the server ran; changes are refused until Flows Admin is restarted`,
      )
      if (!reported) {
        reported = true
        logger?.error({ err: error, path }, error.message)
      }
      throw error
    },
  }
}
