import { mkdirSync, statSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { AuditEntry } from '../../shared/audit'
import { memoryAuditLog } from './memory-audit-log'

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
 * Makes `dir` and its missing parents one level at a time. (`mkdir -p` in Node loops for ever on
 * some paths, e.g. under /proc, and reports a file in the way as EEXIST.)
 */
function ensureDirectory(dir: string) {
  const missing: string[] = []
  let current = dir
  for (;;) {
    let isDirectory: boolean
    try {
      isDirectory = statSync(current).isDirectory()
    } catch (error) {
      const parent = dirname(current)
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw error
      missing.unshift(current)
      current = parent
      continue
    }
    if (!isDirectory) throw new Error(`${current} is not a directory`)
    break
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder)
    } catch (error) {
      throw new Error(`cannot create ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error })
    }
  }
}

export type OpenAuditLogOptions = {
  /** Told when the file ended mid-line (a torn write) and was ended on a line boundary. */
  onRepair?: (message: string) => void
}

/**
 * An append-only JSON Lines file. Opened at start-up (a path that cannot be written stops the server
 * before it listens); appends are serialised and each is fsynced before it resolves. A last line
 * torn by a crash or a full disk is ended first, so the next entry starts on a line of its own.
 */
export async function openAuditLog(path: string, { onRepair }: OpenAuditLogOptions = {}): Promise<AuditLog> {
  ensureDirectory(dirname(path))
  const handle: FileHandle = await open(path, 'a+', 0o640)
  const { size: openedSize } = await handle.stat()
  if (openedSize > 0) {
    const last = Buffer.alloc(1)
    await handle.read(last, 0, 1, openedSize - 1)
    if (last[0] !== 0x0a) {
      await handle.appendFile('\n', 'utf8')
      await handle.datasync()
      onRepair?.(`the audit log ${path} ended mid-line (a torn write); ended that line before appending`)
    }
  }
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

/** The audit trail the configuration asks for: the file at `path`, or in memory when it is null. */
export async function auditLogFor(path: string | null, options: OpenAuditLogOptions = {}): Promise<AuditLog> {
  if (path === null) return memoryAuditLog()
  try {
    return await openAuditLog(path, options)
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    throw new AuditUnavailableError(`AUDIT_LOG: cannot open ${path} for appending: ${code === undefined ? message : `${code} (${message})`}`, { cause: error })
  }
}
