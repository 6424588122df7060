import type { Insertable, Selectable } from 'kysely'
import type { FlowVersionSource } from '../../shared/flow-history'

/** One line of the audit trail: each state-changing request writes an `attempt` and an `outcome`. */
export type AuditTable = {
  id: string
  time: string
  phase: 'attempt' | 'outcome'
  request_id: string
  operator: string | null
  action: string
  account_id: string
  channel_id: string
  flow_id: string
  flow_name: string | null
  result: string | null
  status: number | null
  /** 8x8's codes are numbers, the server's are words: kept as text, `code_is_number` says which. */
  code: string | null
  code_is_number: number | null
  error_id: string | null
  duration_ms: number | null
  /** flow.delete: `kept` (a copy was taken first) or `none` (the operator chose to delete without one). */
  backup: string | null
  backup_id: string | null
  /** Why: e.g. which failed copy made the operator delete without one. */
  reason: string | null
  /** flow.restore: the new draft's id. */
  new_flow_id: string | null
  /** The role the change was asked with (entries before roles: null). */
  role: string | null
}

/** A request that ended in an error the operator could see, kept RETENTION_DAYS for support. */
export type FailedRequestTable = {
  error_id: string
  request_id: string
  time: string
  method: string
  route: string
  account_id: string | null
  channel_id: string | null
  flow_id: string | null
  status: number
  code: string
  message: string | null
  /** Who reported it: 8x8, or this server. */
  source: 'upstream' | 'proxy'
  /** For the server's own errors: why (timeout after N ms, connection refused, bad content-type…). */
  cause: string | null
  operator: string | null
}

/** When each call to 8x8 started (or will start, queued), for the budget shared by all instances. */
export type UpstreamCallTable = { id: string; at: number | string }

/** Failed sign-ins per key (address or name) in the current window, shared by all instances. */
export type SignInFailureTable = { key: string; count: number; reset_at: number | string }

/** A flow with a change on its way to 8x8; the row expires should its instance die. */
export type FlowChangeTable = { key: string; expires_at: number | string }

/**
 * A copy of a flow taken before its delete. `pending` while the delete is with 8x8; `deleted` once 8x8
 * confirmed it; `unconfirmed` when 8x8 did not answer in time. A copy whose delete 8x8 refused is removed.
 */
export type FlowBackupTable = {
  id: string
  account_id: string
  channel_id: string
  flow_id: string
  name: string
  /** JSON array. */
  categories: string
  status: string
  endpoint_uri: string | null
  /** JSON array of FlowValidationError. */
  validation_errors: string
  /** The JSON exactly as the CDN served it, as a JSON string literal (stored-text.ts). */
  json_literal: string
  request_id: string
  taken_by: string | null
  taken_at: string
  state: 'pending' | 'deleted' | 'unconfirmed'
  restored_flow_id: string | null
  restored_by: string | null
  restored_at: string | null
  /** A restore was sent to 8x8 and not confirmed (no answer in time): when, and… */
  restore_sent_at: string | null
  /** …the IDs of the channel's drafts of the same name just before it (JSON array): the restore made none of them. */
  restore_prior_ids: string | null
}

/**
 * An event of a flow's history: a text read (`seen`), kept before a save (`before-save`), saved, created,
 * cloned, restored, or sent by a save that failed or was not confirmed. One row per event, however often
 * a text comes back; the text itself is in `flow_texts`, once.
 */
export type FlowVersionTable = {
  id: string
  account_id: string
  channel_id: string
  flow_id: string
  /** SHA-256 of the JSON text, hex: its row in `flow_texts`. */
  hash: string
  size: number
  source: FlowVersionSource
  validation_error_count: number
  /** What it came from, when it was brought back or cloned: a version's ID, or a flow's. */
  origin: string | null
  request_id: string
  taken_by: string | null
  taken_at: string
}

/** Each distinct text of a flow, once: exactly as written or as the CDN served it, as a JSON string literal (stored-text.ts). */
export type FlowTextTable = {
  account_id: string
  channel_id: string
  flow_id: string
  hash: string
  json_literal: string
}

export type Database = {
  audit_entries: AuditTable
  failed_requests: FailedRequestTable
  upstream_calls: UpstreamCallTable
  sign_in_failures: SignInFailureTable
  flow_changes: FlowChangeTable
  flow_backups: FlowBackupTable
  flow_versions: FlowVersionTable
  flow_texts: FlowTextTable
}

export type AuditRow = Selectable<AuditTable>
export type NewAuditRow = Insertable<AuditTable>
export type FailedRequestRow = Selectable<FailedRequestTable>
export type FlowBackupRow = Selectable<FlowBackupTable>
export type FlowVersionRow = Selectable<FlowVersionTable>
