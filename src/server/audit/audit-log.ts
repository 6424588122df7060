import type { AuditEntry } from '../../shared/audit'

/** The audit trail as the routes use it (the store keeps it; tests use one in memory). */
export type AuditLog = {
  /** Resolves once the entry is durable (committed); rejects if it is not. */
  append(entry: AuditEntry): Promise<void>
  /** A channel's newest outcomes first. */
  recent(scope: { accountId: string; channelId: string }, limit: number): Promise<AuditEntry[]>
  close(): Promise<void>
}
