import type { AuditEntry } from '../../shared/audit'
import type { AuditLog } from './audit-log'

/**
 * The audit trail in memory: the sandbox's, whose flows come back at every restart, so its records
 * must go with them (and never mix with a live file).
 */
export function memoryAuditLog(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = []
  return {
    entries,
    async append(entry) {
      entries.push(entry)
    },
    async recent(filter, limit) {
      return entries.toReversed().filter(filter).slice(0, limit)
    },
    async close() {},
  }
}
