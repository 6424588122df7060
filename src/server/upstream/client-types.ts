import type { FlowTemplateList } from '../../shared/deleted-flows'
import type { FlowList, FlowPreview, FlowValidationError } from '../../shared/flow'
import type { CreateFlowRequest, FlowPathParams, ListFlowsQuery, PreviewFlowQuery, UpdateFlowRequest } from './api-types'
import type { FlowForBackup } from './boundary'
import type { KeptRead } from './recent-reads'
import type { CallPriority, RateLimiter } from './resilience'

// What the upstream client is and takes: its transport, its options, its operations.

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/**
 * What the client reads of an answer. A fetch Response is one; the live transport answers with just
 * this, its body already read (no web Response, Headers or stream on the way in).
 */
export type UpstreamResponse = {
  readonly status: number
  readonly ok: boolean
  readonly headers: { get(name: string): string | null }
  /** A stream to read (fetch), or a body its transport already read; null when there is none. */
  readonly body: ReadableStream<Uint8Array> | { cancel(): Promise<void> } | null
  text(): Promise<string>
  arrayBuffer(): Promise<ArrayBuffer>
}

/** How the client sends a request: fetch (tests, the sandbox's emulator), or undici's request in live mode. */
export type Transport = (input: string, init?: RequestInit) => Promise<UpstreamResponse>

export type UpstreamClientOptions = {
  baseUrl: string
  apiKey: string
  /** The whole operation's deadline, retries included. */
  timeoutMs: number
  fetch?: Transport
  /** Larger answers are refused (8x8's biggest, a list of 1000 flows, is about 100 kB). */
  maxResponseBytes?: number
  /** Shared by every call of this client, i.e. per API key. */
  rateLimiter?: RateLimiter
  retry?: { attempts: number; baseMs: number; capMs: number }
  random?: () => number
  /** After a failed call, how long readiness says degraded unless a later call gets an answer. */
  readinessRecoveryMs?: number
  now?: () => number
  /** How long a channel's list and templates, once read, answer the reads that follow (0 or absent: never). */
  listReuseMs?: number
}

export type ChannelScope = Omit<FlowPathParams, 'flowId'>
/** Whether an operation's deadline has passed. */
export type Deadline = { aborted: boolean }
export type CallOptions = {
  signal?: AbortSignal
  /** Ask 8x8, not what was just read (the operator's Refresh). */
  fresh?: boolean
  /** `change`: a read that a change needs, which may use the part of the budget kept for changes. */
  priority?: CallPriority
}

/**
 * How the last call to 8x8 went: 8x8 answered (any status below 500), or it did not. A failure older
 * than the recovery time is reported as `unknown` (with `lastFailure`), so an instance that a load
 * balancer took out for it comes back by itself and the next real call decides.
 */
export type UpstreamHealth = {
  state: 'unknown' | 'answering' | 'failing'
  status?: number
  at?: string
  lastFailure?: { status: number; at: string }
}

export type UpstreamClient = {
  /** The channel's flows: what was read within the reuse window, else from 8x8. */
  listFlows(scope: ChannelScope, query: ListFlowsQuery, options?: CallOptions): Promise<FlowList>
  /** The last list read of the channel, however old (for a read the budget refused). */
  lastList(scope: ChannelScope, query: ListFlowsQuery): KeptRead<FlowList> | undefined
  getFlow(params: FlowPathParams, options?: CallOptions): Promise<FlowForBackup>
  /** The flow's JSON as Meta's CDN serves it (fetched without the API key, from allowlisted hosts only). */
  getFlowJson(params: FlowPathParams, options?: CallOptions): Promise<{ name: string; json: string; validationErrorCount: number }>
  /** Details and JSON, read afresh (never joined to a read in flight): what a backup keeps. */
  readFlowForBackup(params: FlowPathParams): Promise<{ details: FlowForBackup; json: string }>
  /** Sent once, never retried: a repeat would create a second flow. */
  createFlow(scope: ChannelScope, body: CreateFlowRequest): Promise<{ id: string; validationErrors: FlowValidationError[] }>
  /** A draft's new name, categories, endpoint or JSON: sent once. 8x8 keeps a draft with errors and says which. */
  updateFlow(params: FlowPathParams, body: UpdateFlowRequest): Promise<{ validationErrors: FlowValidationError[] }>
  /** Publishes a draft: sent once; it cannot be undone. */
  publishFlow(params: FlowPathParams): Promise<void>
  /** The channel's templates that launch flows (FLOW buttons). */
  listFlowTemplates(scope: ChannelScope, options?: CallOptions): Promise<FlowTemplateList>
  lastTemplates(scope: ChannelScope): KeptRead<FlowTemplateList> | undefined
  getPreview(params: FlowPathParams, query: PreviewFlowQuery, options?: CallOptions): Promise<FlowPreview>
  deleteFlow(params: FlowPathParams, options?: CallOptions): Promise<void>
  deprecateFlow(params: FlowPathParams, options?: CallOptions): Promise<void>
  health(): UpstreamHealth
}
