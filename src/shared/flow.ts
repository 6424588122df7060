/** Statuses 8x8 documents. Others (Meta's THROTTLED, BLOCKED…) may appear and are shown as they are. */
export const knownFlowStatuses = ['DRAFT', 'PUBLISHED', 'DEPRECATED'] as const
export type KnownFlowStatus = (typeof knownFlowStatuses)[number]

export type Flow = {
  id: string
  name: string
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- keeps autocompletion for known values
  status: KnownFlowStatus | (string & {})
}

export type FlowList = { flows: Flow[] }

/** Only drafts can be deleted: 8x8 refuses the rest. */
export function isDeletable(flow: Pick<Flow, 'status'>): boolean {
  return flow.status === 'DRAFT'
}

export type Channel = { id: string; name: string }

/** GET /api/config: what the browser needs to know about this deployment (never a secret). */
export type AppConfig = {
  mode: 'sandbox' | 'live'
  accountId: string
  channels: Channel[]
  /** How operators sign in; `none` only on loopback. */
  auth: 'none' | 'basic' | 'header'
  /** Who is signed in; null with `auth: "none"`. */
  operator: string | null
}
