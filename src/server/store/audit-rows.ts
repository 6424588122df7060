import type { AuditEntry } from '../../shared/audit'
import { isRole } from '../../shared/roles'
import type { FailedRequest } from '../../shared/lookup'
import type { AuditRow, FailedRequestRow, NewAuditRow } from './schema'

// Audit entries and failed requests as the database stores them, and back.

export function auditRow(entry: AuditEntry, id: string = crypto.randomUUID()): NewAuditRow {
  return {
    id,
    time: entry.time,
    phase: entry.phase,
    request_id: entry.requestId,
    operator: entry.operator,
    action: entry.action,
    account_id: entry.accountId,
    channel_id: entry.channelId,
    flow_id: entry.flowId,
    flow_name: entry.flowName ?? null,
    result: entry.result ?? null,
    status: entry.status ?? null,
    code: entry.code === undefined ? null : String(entry.code),
    code_is_number: entry.code === undefined ? null : typeof entry.code === 'number' ? 1 : 0,
    error_id: entry.errorId ?? null,
    duration_ms: entry.durationMs ?? null,
    backup: entry.backup ?? null,
    backup_id: entry.backupId ?? null,
    reason: entry.reason ?? null,
    new_flow_id: entry.newFlowId ?? null,
    role: entry.role ?? null,
  }
}

export function fromAuditRow(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    time: row.time,
    requestId: row.request_id,
    operator: row.operator,
    action: row.action as AuditEntry['action'],
    phase: row.phase,
    accountId: row.account_id,
    channelId: row.channel_id,
    flowId: row.flow_id,
  }
  if (row.flow_name !== null) entry.flowName = row.flow_name
  if (row.result !== null) entry.result = row.result as AuditEntry['result']
  if (row.status !== null) entry.status = Number(row.status)
  if (row.code !== null) entry.code = Number(row.code_is_number) === 1 ? Number(row.code) : row.code
  if (row.error_id !== null) entry.errorId = row.error_id
  if (row.duration_ms !== null) entry.durationMs = Number(row.duration_ms)
  if (row.backup !== null) entry.backup = row.backup as NonNullable<AuditEntry['backup']>
  if (row.backup_id !== null) entry.backupId = row.backup_id
  if (row.reason !== null) entry.reason = row.reason
  if (row.new_flow_id !== null) entry.newFlowId = row.new_flow_id
  if (row.role !== null && isRole(row.role)) entry.role = row.role
  return entry
}

export function fromFailureRow(row: FailedRequestRow): FailedRequest {
  return {
    errorId: row.error_id,
    requestId: row.request_id,
    time: row.time,
    method: row.method,
    route: row.route,
    accountId: row.account_id,
    channelId: row.channel_id,
    flowId: row.flow_id,
    status: Number(row.status),
    code: row.source === 'upstream' && /^\d+$/.test(row.code) ? Number(row.code) : row.code,
    message: row.message,
    source: row.source,
    cause: row.cause,
    operator: row.operator,
  }
}

/**
 * Opens the server's store at `url`: SQLite through libSQL (`file:…`, or `:memory:`) or Postgres
 * (`postgres://…`), one query layer (Kysely) for both, and brings the schema up to date with Kysely's
 * migrator before anything else runs. Throws with the reason when the database cannot be reached or
 * migrated; the caller stops before listening.
 */
