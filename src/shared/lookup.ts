import type { AuditEntry } from './audit'

/** A request that ended in an error the operator saw, as the server recorded it. */
export type FailedRequest = {
  errorId: string
  requestId: string
  time: string
  method: string
  route: string
  accountId: string | null
  channelId: string | null
  flowId: string | null
  status: number
  code: number | string
  message: string | null
  /** `upstream`: 8x8 answered with the error; `proxy`: the Flows Admin server made it. */
  source: 'upstream' | 'proxy'
  /** For the server's own errors: why (timeout, connection refused, bad answer…). */
  cause: string | null
  operator: string | null
}

/** Everything this server knows of an Error ID or a request ID. */
export type LookupResult = {
  /** The ID as searched (trimmed, quotes removed). */
  id: string
  found: boolean
  /** How far back failed requests are kept (RETENTION_DAYS). */
  retentionDays: number
  failures: FailedRequest[]
  /** The audit entries of the request(s) involved, oldest first (e.g. a delete's attempt and outcome). */
  audit: AuditEntry[]
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * An ID as pasted: surrounding spaces and quotes removed, a label copied with it ("Error ID:", "Request
 * ID:", as the notices show them) dropped, and a UUID in lower case (as this server and 8x8 write them).
 */
export function cleanLookupId(raw: string): string {
  const id = raw
    .trim()
    .replace(/^(error|request)[ _-]?id\s*[:=]?\s*/i, '')
    .replace(/^["'`“”‘’]+|["'`“”‘’]+$/g, '')
    .trim()
  return uuidPattern.test(id) ? id.toLowerCase() : id
}

export const lookupIdPattern = /^[\w.:-]{1,128}$/
