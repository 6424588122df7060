import { Hono } from 'hono'
import { proxyErrorCodes } from '../../shared/error-body'
import { cleanLookupId, lookupIdPattern, type LookupResult } from '../../shared/lookup'
import type { AppEnv } from '../app-env'
import type { Store } from '../store/open-store'
import { ProxyError } from '../upstream/errors'

/** Support's lookup: everything this server recorded about an Error ID or a request ID. */
const dayMs = 24 * 60 * 60_000

/** `2026-12-01` (a whole day: to the end of it when it is `to`) or a full ISO time. */
function parseBound(raw: string | undefined, name: string, endOfDay: boolean): string {
  if (raw === undefined) throw new ProxyError(400, proxyErrorCodes.invalidRequest, `${name} is required (a date such as 2026-12-01, or an ISO time)`)
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw)
  const at = Date.parse(day ? `${raw}T00:00:00.000Z` : raw)
  if (Number.isNaN(at) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) {
    throw new ProxyError(400, proxyErrorCodes.invalidRequest, `${name} is not a date such as 2026-12-01, or an ISO time`)
  }
  return new Date(day && endOfDay ? at + dayMs : at).toISOString()
}

/**
 * Support's lookup (everything this server recorded about an Error ID or a request ID) and the
 * audit trail's export.
 */
export function lookupRoutes({ store, retentionDays }: { store: Pick<Store, 'lookup' | 'exportAudit'>; retentionDays: number }) {
  return new Hono<AppEnv>()
    .get('/audit/export', (c) => {
      const from = parseBound(c.req.query('from'), 'from', false)
      const to = parseBound(c.req.query('to'), 'to', true)
      if (from >= to) throw new ProxyError(400, proxyErrorCodes.invalidRequest, 'from must be before to')
      const pages = store.exportAudit({ from, to })[Symbol.asyncIterator]()
      const encoder = new TextEncoder()
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await pages.next()
          if (done) controller.close()
          else controller.enqueue(encoder.encode(value.map((entry) => `${JSON.stringify(entry)}\n`).join('')))
        },
      })
      const name = `flows-admin-audit-${from.slice(0, 10)}-to-${c.req.query('to')?.slice(0, 10)}.jsonl`
      return c.body(body, 200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` })
    })
    .get('/lookup/:id', async (c) => {
    const id = cleanLookupId(c.req.param('id'))
    if (!lookupIdPattern.test(id)) {
      throw new ProxyError(400, proxyErrorCodes.invalidRequest, 'An Error ID or request ID is letters, digits, "-", "_", "." or ":" (up to 128)')
    }
    const body: LookupResult = await store.lookup(id, retentionDays)
    return c.json(body)
  })
}
