/**
 * The one wire shape for failures, browser and proxy alike. It is 8x8's own ErrorResponse, so an
 * error 8x8 sent passes through untouched; errors the proxy makes itself add `source: "proxy"`.
 */
export type ErrorBody = {
  code: number | string
  message?: string
  errorId: string
  timestamp: string
  source?: 'proxy'
}

/** Codes of the errors the proxy makes itself (8x8's own codes are numbers). */
export const proxyErrorCodes = {
  invalidRequest: 'INVALID_REQUEST',
  notFound: 'NOT_FOUND',
  unauthenticated: 'UNAUTHENTICATED',
  tooManySignIns: 'TOO_MANY_SIGN_INS',
  forbidden: 'FORBIDDEN',
  forbiddenOrigin: 'FORBIDDEN_ORIGIN',
  misdirectedHost: 'MISDIRECTED_HOST',
  ambiguousIdentity: 'AMBIGUOUS_IDENTITY',
  changeInProgress: 'CHANGE_IN_PROGRESS',
  /** The copy of a flow could not be made before its delete, so it was not deleted. */
  backupFailed: 'BACKUP_FAILED',
  alreadyRestored: 'ALREADY_RESTORED',
  flowNotCreated: 'FLOW_NOT_CREATED',
  rateLimited: 'RATE_LIMITED',
  auditUnavailable: 'AUDIT_UNAVAILABLE',
  upstreamTimeout: 'UPSTREAM_TIMEOUT',
  upstreamUnreachable: 'UPSTREAM_UNREACHABLE',
  upstreamBadResponse: 'UPSTREAM_BAD_RESPONSE',
  internal: 'INTERNAL_ERROR',
} as const

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const body = value as Record<string, unknown>
  return (
    (typeof body.code === 'number' || typeof body.code === 'string') &&
    typeof body.errorId === 'string' &&
    body.errorId.length > 0 &&
    typeof body.timestamp === 'string' &&
    (body.message === undefined || typeof body.message === 'string')
  )
}
