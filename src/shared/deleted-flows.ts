import type { FlowValidationError, StaleRead } from './flow'

/**
 * A copy of a flow taken just before Flows Admin asked 8x8 to delete it: everything `create-whatsapp-flow`
 * needs to bring it back as a new draft. Kept RETENTION_DAYS.
 */
export type DeletedFlow = {
  backupId: string
  /** The flow's ID before it was deleted (8x8 gives a restored flow a new one). */
  flowId: string
  name: string
  categories: string[]
  status: string
  /** Only when 8x8 told it (its get-flow does not document the field). */
  endPointUri: string | null
  validationErrorCount: number
  deletedAt: string
  deletedBy: string | null
  /** `unconfirmed`: 8x8 did not answer the delete in time, so the flow may still exist. */
  state: 'deleted' | 'unconfirmed'
  restored: { flowId: string; by: string | null; at: string } | null
  /** A restore was sent at this time and 8x8 did not confirm it: the list may hold its new draft. */
  restoreUnconfirmedAt: string | null
  /** When the copy is pruned. */
  keptUntil: string
}

/** GET …/deleted-flows: the channel's copies, newest first. */
export type DeletedFlowList = { deletedFlows: DeletedFlow[]; retentionDays: number }

/** DELETE …/flows/{flowId}: the copy that was kept (null when the operator chose to delete without one). */
export type DeleteResult = { backupId: string | null }

/**
 * POST …/deleted-flows/{backupId}/restore: the new draft. `foundInList`: an earlier, unconfirmed restore
 * had made it (found in the channel's list), so nothing was created this time.
 */
export type RestoreResult = { flowId: string; name: string; validationErrors: FlowValidationError[]; foundInList?: true }

/** A message template whose FLOW buttons launch flows (GET …/templates keeps only those). */
export type FlowTemplate = { name: string; language: string; status: string; flowIds: string[] }

export type FlowTemplateList = { templates: FlowTemplate[]; stale?: StaleRead }

/** The headers with which the browser asks for a delete without a copy, after the copy failed. */
export const withoutBackupHeaders = { choice: 'x-backup', after: 'x-backup-failed-error-id' } as const

/** Sent with each change of a bulk run (bulk delete, Restore all): the server lets only admins run them. */
export const bulkRunHeader = 'x-bulk-run'
