/** Connection-level failures of node-postgres and Postgres itself, and SQLite's lock: the database is not answering now. */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // Postgres: connection exceptions (08…), shutting down or starting up (57P01–57P03).
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  'SQLITE_BUSY',
])
const unavailableMessages = /Connection terminated|timeout exceeded when trying to connect|database is locked|SQLITE_BUSY|the store is closed/i

/**
 * Whether a store call failed because the database could not be reached or was busy (as opposed to a
 * bug): the operator gets 503 "the database is not answering", not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; current = current.cause, depth++) {
    const { code } = current as Error & { code?: unknown }
    if (typeof code === 'string' && unavailableCodes.has(code)) return true
    if (unavailableMessages.test(current.message)) return true
    // node-postgres' AggregateError when every address of the host refused.
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner))) return true
  }
  return false
}
