import { Hono } from 'hono'
import { proxyErrorCodes } from '../../shared/error-codes'
import { cleanLookupId, lookupIdPattern, type FailedRequest, type LookupResult } from '../../shared/lookup'
import type { AppEnv } from '../app-env'
import type { Store } from '../store/open-store'
import { ProxyError } from '../upstream/errors'
import { routeGuards } from '../auth/authorize'

/**
 * Support's lookup: everything this server recorded about an Error ID or a request ID, with the failed
 * requests still waiting in memory for the database (`waitingFailures`).
 */
export function lookupRoutes({
  store,
  retentionDays,
  waitingFailures = () => [],
}: {
  store: Pick<Store, 'lookup'>
  retentionDays: number
  waitingFailures?: (id: string) => FailedRequest[]
}) {
  return new Hono<AppEnv>()
    .get('/lookup/:id', routeGuards()('support'), async (c) => {
    const id = cleanLookupId(c.req.param('id'))
    if (!lookupIdPattern.test(id)) {
      throw new ProxyError(400, proxyErrorCodes.invalidRequest, 'An Error ID or request ID is letters, digits, "-", "_", "." or ":" (up to 128)')
    }
    const waiting = waitingFailures(id)
    let stored: LookupResult
    try {
      stored = await store.lookup(id, retentionDays)
    } catch (error) {
      // The database is not answering: what this server still holds in memory is better than nothing.
      if (waiting.length === 0) throw error
      stored = { id, found: false, retentionDays, failures: [], audit: [] }
    }
    const known = new Set(stored.failures.map((failure) => failure.errorId))
    const failures = [...stored.failures, ...waiting.filter((failure) => !known.has(failure.errorId))]
    const body: LookupResult = { ...stored, found: stored.found || failures.length > 0, failures }
    return c.json(body)
  })
}
