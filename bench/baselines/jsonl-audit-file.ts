import { mkdirSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { AuditEntry } from '../../src/shared/audit'

/**
 * The audit trail as the server wrote it before the store (commit 6c37b2f): one JSON line a change,
 * appended and fsynced (datasync) before the append resolves, appends serialised. Kept here only to
 * measure the store against it.
 */
export async function openJsonlAuditFile(path: string) {
  mkdirSync(dirname(path), { recursive: true })
  const handle = await open(path, 'a+', 0o640)
  let queue: Promise<unknown> = Promise.resolve()
  return {
    append(entry: AuditEntry) {
      const write = queue.then(async () => {
        await handle.appendFile(`${JSON.stringify(entry)}\n`, 'utf8')
        await handle.datasync()
      })
      queue = write.catch(() => undefined)
      return write
    },
    close: () => handle.close(),
  }
}
