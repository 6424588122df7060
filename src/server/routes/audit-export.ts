import { Hono } from 'hono'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { AppEnv } from '../app-env'
import type { Store } from '../store/open-store'
import { ProxyError } from '../upstream/errors'
import { routeGuards } from '../auth/authorize'

const dayMs = 24 * 60 * 60_000
/** The last moment an ISO time of four-digit years can say (a date field's largest day is 9999-12-31). */
const lastMoment = Date.parse('9999-12-31T23:59:59.999Z')

/** `2026-12-01` (a whole day: to the end of it when it is `to`) or a full ISO time. */
function parseBound(raw: string | undefined, name: string, endOfDay: boolean): string {
  if (raw === undefined) throw new ProxyError(400, proxyErrorCodes.invalidRequest, `${name} is required (a date such as 2026-12-01, or an ISO time)`)
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw)
  const at = Date.parse(day ? `${raw}T00:00:00.000Z` : raw)
  if (Number.isNaN(at) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) {
    throw new ProxyError(400, proxyErrorCodes.invalidRequest, `${name} is not a date such as 2026-12-01, or an ISO time`)
  }
  return new Date(Math.min(day && endOfDay ? at + dayMs : at, lastMoment)).toISOString()
}

/** The audit trail of a range of days, every channel, as JSON Lines, streamed a page at a time. */
export function auditExportRoutes({ store }: { store: Pick<Store, 'exportAudit'> }) {
  return new Hono<AppEnv>().get('/audit/export', routeGuards()('support'), (c) => {
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
    // Every channel's trail: the name says so, as the form does.
    const name = `flows-admin-audit-all-channels-${from.slice(0, 10)}-to-${c.req.query('to')?.slice(0, 10)}.jsonl`
    return c.body(body, 200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` })
  })
}
