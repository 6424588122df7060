import { sameAccountId } from './ids'
import type { Refusals, Role } from './roles'

/** Statuses 8x8 documents. Others (Meta's THROTTLED, BLOCKED…) may appear and are shown as they are. */
export const knownFlowStatuses = ['DRAFT', 'PUBLISHED', 'DEPRECATED'] as const
export type KnownFlowStatus = (typeof knownFlowStatuses)[number]

export type Flow = {
  id: string
  name: string
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- keeps autocompletion for known values
  status: KnownFlowStatus | (string & {})
  /** A draft saved through Flows Admin: the count of Meta's errors in its latest saved JSON. */
  validationErrorCount?: number
}

/**
 * A channel's list or templates answered from the last read, because 8x8's budget refused a new one:
 * when that read was, and the refusal (its code and Error ID, and when to try again).
 */
export type StaleRead = { readAt: string; code: number | string; message?: string; errorId: string; retryAfterMs?: number }

export type FlowList = { flows: Flow[]; stale?: StaleRead }

/** Only drafts can be deleted: 8x8 refuses the rest. */
export function isDeletable(flow: Pick<Flow, 'status'>): boolean {
  return flow.status === 'DRAFT'
}

/**
 * Deprecation phases out a published flow for good. 8x8 documents it for PUBLISHED; Meta's health
 * states THROTTLED and BLOCKED are published flows too, and other 8x8 resellers allow it there.
 */
export function isDeprecatable(flow: Pick<Flow, 'status'>): boolean {
  return flow.status === 'PUBLISHED' || flow.status === 'THROTTLED' || flow.status === 'BLOCKED'
}

export type Channel = { id: string; name: string }

/** The configured channel an address names (account ids compared as 8x8 does), if it names one. */
export function configuredChannel(config: Pick<AppConfig, 'accountId' | 'channels'>, accountId: string, channelId: string): Channel | undefined {
  return sameAccountId(accountId, config.accountId) ? config.channels.find((channel) => channel.id === channelId) : undefined
}

/** GET /api/config: what the browser needs to know about this deployment (never a secret). */
export type AppConfig = {
  mode: 'sandbox' | 'live'
  accountId: string
  channels: Channel[]
  /** How operators sign in; `none` only on loopback. */
  auth: 'none' | 'basic' | 'header'
  /** Who is signed in; null with `auth: "none"`. */
  operator: string | null
  /** How long the server waits for 8x8 before it gives up (EIGHTX8_TIMEOUT_MS). */
  upstreamTimeoutMs: number
  /** How long failed requests and copies of deleted flows are kept (RETENTION_DAYS). */
  retentionDays: number
  /** Whether deletes keep a copy that can be restored (the server has its store). */
  keepsDeletedFlows: boolean
  /** The signed-in person's role (in every channel; a scoped grant may give more in some). */
  role: Role
  /**
   * What they may not do, with why, by channel id (`*`: what is not a channel's, such as lookup);
   * absent: nothing refused. Only to explain: the server is the gate (shared/roles.ts).
   */
  refusals: Record<string, Refusals>
}

/** One problem Meta found in a flow's JSON (where it is, and what is wrong). */
export type FlowValidationError = {
  error: string
  errorType: string
  message: string
  lineStart?: number
  lineEnd?: number
  columnStart?: number
  columnEnd?: number
  /** JSON paths into the flow, e.g. `screens[0].layout.children[0].type`. */
  paths: string[]
}

/**
 * GET …/flows/{flowId}: what 8x8's get-flow tells, minus the CDN address of the JSON (the browser
 * downloads it through the proxy: …/flows/{flowId}/json).
 */
export type FlowDetails = Flow & {
  categories: string[]
  validationErrors: FlowValidationError[]
  /** Whether 8x8 gave a JSON download address. */
  hasFlowJson: boolean
  /** Where the flow sends its data, when 8x8 tells it. */
  endPointUri?: string
}

/** GET …/flows/{flowId}/preview: a link to Meta's web preview, valid until `expiresAt`. */
export type FlowPreview = { previewUrl: string; expiresAt: string | null }
