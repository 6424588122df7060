import { mkdirSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { AuditEntry } from '../../shared/audit'

/** How much of the file's end `recent()` reads: far more than the last 50 entries of a channel need. */
const tailBytes = 512 * 1024

export type AuditLog = {
  /** Resolves once the line is on disk (written and fsynced); rejects if it is not. */
  append(entry: AuditEntry): Promise<void>
  /** Newest first, from the end of the file. */
  recent(filter: (entry: AuditEntry) => boolean, limit: number): Promise<AuditEntry[]>
  close(): Promise<void>
}

export class AuditUnavailableError extends Error {
  override name = 'AuditUnavailableError'
}

/**
 * An append-only JSON Lines file. Opened at start-up (a path that cannot be written stops the server
 * before it listens); appends are serialised and each is fsynced before it resolves.
 */
export async function openAuditLog(path: string): Promise<AuditLog> {
  mkdirSync(dirname(path), { recursive: true })
  const handle: FileHandle = await open(path, 'a+', 0o640)
  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  return {
    append(entry) {
      const line = `${JSON.stringify(entry)}\n`
      const write = queue.then(async () => {
        if (closed) throw new AuditUnavailableError('the audit log is closed')
        await handle.appendFile(line, 'utf8')
        await handle.datasync()
      })
      queue = write.catch(() => undefined)
      return write
    },

    async recent(filter, limit) {
      await queue
      const { size } = await handle.stat()
      const start = Math.max(0, size - tailBytes)
      const buffer = Buffer.alloc(size - start)
      await handle.read(buffer, 0, buffer.length, start)
      const lines = buffer.toString('utf8').split('\n')
      if (start > 0) lines.shift() // the first line may be cut
      const entries: AuditEntry[] = []
      for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
        if (lines[i] === '') continue
        try {
          const entry = JSON.parse(lines[i]) as AuditEntry
          if (filter(entry)) entries.push(entry)
        } catch {
          // A line cut by a crash mid-write is skipped, not fatal.
        }
      }
      return entries
    },

    async close() {
      await queue
      closed = true
      await handle.close()
    },
  }
}
