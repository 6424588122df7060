import type { FlowValidationError } from './flow'

/**
 * What the browser and the server agree on for creating, cloning, editing and publishing a flow:
 * 8x8's categories, the limits checked before anything reaches 8x8, and the shapes of the requests.
 */
export const flowCategories = ['SIGN_UP', 'SIGN_IN', 'APPOINTMENT_BOOKING', 'LEAD_GENERATION', 'CONTACT_US', 'CUSTOMER_SUPPORT', 'SURVEY', 'OTHER'] as const
export type FlowCategoryName = (typeof flowCategories)[number]

export const flowEditLimits = {
  nameLength: 200,
  endpointLength: 2000,
  /** The largest flow JSON this console sends (UTF-8 bytes); larger requests are refused with 413. */
  flowJsonBytes: 1_000_000,
}

/** What is wrong with a flow JSON of `bytes` UTF-8 bytes, if it is over the limit: "8x8 accepts up to 1 MB; this is 1.10 MB". */
export function flowJsonSizeProblem(bytes: number): string | undefined {
  if (bytes <= flowEditLimits.flowJsonBytes) return undefined
  return `8x8 accepts up to ${flowEditLimits.flowJsonBytes / 1_000_000} MB of flow JSON; this is ${(bytes / 1_000_000).toFixed(2)} MB`
}

/** POST …/flows: a new draft, from JSON or as a copy of another flow (`cloneFlowId`). */
export type CreateFlowBody = {
  name: string
  categories?: FlowCategoryName[]
  endPointUri?: string
  /** Sent to 8x8 exactly as written: Meta's line and column point into this text. */
  flowJson?: string
  cloneFlowId?: string
}

/** PUT …/flows/{flowId}: only what changed. With `flowJson`, send `If-Match` with the JSON's ETag as read. */
export type UpdateFlowBody = Partial<Pick<CreateFlowBody, 'name' | 'categories' | 'endPointUri' | 'flowJson'>>

/** A create or a save: 8x8 keeps a draft with errors, and says which (empty when Meta found none). */
/**
 * What a create or a save did: the flow's ID and Meta's errors in its JSON. `unchanged`: a save found
 * 8x8 had everything it would send already (after a save whose answer did not come back), and sent nothing.
 */
export type FlowWriteResult = { id: string; validationErrors: FlowValidationError[]; unchanged?: true }

/** The ETag of a flow's JSON as the server read it (a hash of the exact text). */
export const flowJsonEtagHeader = 'etag'
