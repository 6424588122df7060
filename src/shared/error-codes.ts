/**
 * Codes of the errors the proxy makes itself (8x8's own codes are numbers). Apart from the error
 * body's shape so that the first page, which needs only the shape, does not carry them.
 */
export const proxyErrorCodes = {
  invalidRequest: 'INVALID_REQUEST',
  notFound: 'NOT_FOUND',
  unauthenticated: 'UNAUTHENTICATED',
  tooManySignIns: 'TOO_MANY_SIGN_INS',
  forbidden: 'FORBIDDEN',
  forbiddenOrigin: 'FORBIDDEN_ORIGIN',
  /** The signed-in person's role does not allow the request (shared/roles.ts). */
  forbiddenRole: 'FORBIDDEN_ROLE',
  misdirectedHost: 'MISDIRECTED_HOST',
  ambiguousIdentity: 'AMBIGUOUS_IDENTITY',
  changeInProgress: 'CHANGE_IN_PROGRESS',
  /** The copy of a flow could not be made before its delete, so it was not deleted. */
  backupFailed: 'BACKUP_FAILED',
  alreadyRestored: 'ALREADY_RESTORED',
  /** A restore of a copy whose delete never happened: 8x8 still has the flow. */
  flowNotDeleted: 'FLOW_NOT_DELETED',
  /** An earlier restore of the copy was not confirmed and the list cannot tell which draft it made. */
  restoreNotConfirmed: 'RESTORE_NOT_CONFIRMED',
  flowNotCreated: 'FLOW_NOT_CREATED',
  /** A create like an earlier one 8x8 did not confirm, while the channel has a draft of that name (probably its). */
  createNotConfirmed: 'CREATE_NOT_CONFIRMED',
  /** A save sent with the JSON as it was read, but the flow's JSON at 8x8 has changed since. */
  flowChanged: 'FLOW_CHANGED',
  /** A request body over the size this server accepts (a flow JSON over its cap). */
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  rateLimited: 'RATE_LIMITED',
  auditUnavailable: 'AUDIT_UNAVAILABLE',
  /** A read from the database (lookup, Deleted flows, Recent activity) found it not answering. */
  databaseUnavailable: 'DATABASE_UNAVAILABLE',
  upstreamTimeout: 'UPSTREAM_TIMEOUT',
  upstreamUnreachable: 'UPSTREAM_UNREACHABLE',
  upstreamBadResponse: 'UPSTREAM_BAD_RESPONSE',
  internal: 'INTERNAL_ERROR',
  /** The server is shutting down (a restart, a deploy): the request was not run. */
  serverStopping: 'SERVER_STOPPING',
} as const
