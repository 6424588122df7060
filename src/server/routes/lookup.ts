import { Hono } from 'hono'
import { proxyErrorCodes } from '../../shared/error-codes'
import { cleanLookupId, lookupIdPattern, type LookupResult } from '../../shared/lookup'
import type { AppEnv } from '../app-env'
import type { Store } from '../store/open-store'
import { ProxyError } from '../upstream/errors'

/** Support's lookup: everything this server recorded about an Error ID or a request ID. */
/** Support's lookup: everything this server recorded about an Error ID or a request ID. */
export function lookupRoutes({ store, retentionDays }: { store: Pick<Store, 'lookup'>; retentionDays: number }) {
  return new Hono<AppEnv>()
    .get('/lookup/:id', async (c) => {
    const id = cleanLookupId(c.req.param('id'))
    if (!lookupIdPattern.test(id)) {
      throw new ProxyError(400, proxyErrorCodes.invalidRequest, 'An Error ID or request ID is letters, digits, "-", "_", "." or ":" (up to 128)')
    }
    const body: LookupResult = await store.lookup(id, retentionDays)
    return c.json(body)
  })
}
