import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import type { AuditEntry } from '../../shared/audit'
import type { Store } from '../store/open-store'

export type ImportReport = { path: string; imported: number; alreadyThere: number; skippedLines: number[] }

function isAuditEntry(value: unknown): value is AuditEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.time === 'string' &&
    typeof entry.requestId === 'string' &&
    (entry.phase === 'attempt' || entry.phase === 'outcome') &&
    typeof entry.action === 'string' &&
    typeof entry.accountId === 'string' &&
    typeof entry.channelId === 'string' &&
    typeof entry.flowId === 'string'
  )
}

/**
 * Brings the audit trail of earlier versions (a JSON Lines file) into the store, once: each line's id
 * is a hash of its text, so running it again adds nothing. Lines that are not entries (torn by a
 * crash mid-write) are skipped and reported by number. The file is left as it is.
 * Returns undefined when there is no file.
 */
export async function importAuditFile(path: string, store: Store): Promise<ImportReport | undefined> {
  if (!existsSync(path)) return undefined
  const lines = readFileSync(path, 'utf8').split('\n')
  const report: ImportReport = { path, imported: 0, alreadyThere: 0, skippedLines: [] }
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    let entry: unknown
    try {
      entry = JSON.parse(line)
    } catch {
      entry = undefined
    }
    if (!isAuditEntry(entry)) {
      report.skippedLines.push(index + 1)
      continue
    }
    const id = `import-${createHash('sha256').update(line).digest('hex').slice(0, 32)}`
    const inserted = await store.importAuditEntry(id, entry)
    if (inserted) report.imported += 1
    else report.alreadyThere += 1
  }
  return report
}
