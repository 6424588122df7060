import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import type { Store } from '../store/open-store'
import { testEngines } from '../store/test-databases'
import { liveConfig, memoryLog, readError } from '../test-support'
import { createUpstreamClient } from '../upstream/client'

describe.each(testEngines)('audit export on $name', ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  it('streams the audit trail of a date range as JSON Lines, oldest first, in the fields of the old file', async () => {
    ;({ store } = await open())
    const base = { operator: 'dana', action: 'flow.delete' as const, accountId: 'a', channelId: 'c', flowId: '1', flowName: 'Old promo' }
    const days = ['2026-11-29T23:59:59.999Z', '2026-11-30T00:00:00.000Z', '2026-11-30T12:00:00.000Z', '2026-12-01T00:00:00.000Z']
    for (const [index, time] of days.entries()) await store.audit.append({ ...base, time, requestId: `r-${index}`, phase: 'outcome', result: 'deleted', status: 204 })
    for (let i = 0; i < 5; i++) await store.audit.append({ ...base, time: '2026-11-30T06:00:00.000Z', requestId: `same-${i}`, phase: 'attempt' })
    const app = createApp({ config: liveConfig(), upstream: createUpstreamClient({ ...liveConfig().upstream }), logger: memoryLog().logger, audit: store.audit, store })

    const response = await app.request('/api/v1/audit/export?from=2026-11-30&to=2026-11-30')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="flows-admin-audit-all-channels-2026-11-30-to-2026-11-30.jsonl"')
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(new Set(lines.map((entry) => entry.requestId))).toEqual(new Set(['r-1', 'r-2', 'same-0', 'same-1', 'same-2', 'same-3', 'same-4']))
    expect(lines.map((entry) => entry.time)).toEqual(lines.map((entry) => entry.time).toSorted())
    expect(lines.find((entry) => entry.requestId === 'r-2')).toEqual({ ...base, time: days[2], requestId: 'r-2', phase: 'outcome', result: 'deleted', status: 204 })
  })

  it('lets another request in between its pages: Recent activity asked during a long export is answered before it ends', async () => {
    ;({ store } = await open())
    const rows = Array.from({ length: 20_000 }, (_, n) => ({
      id: `e-${n}`,
      time: new Date(Date.parse('2026-11-30T00:00:00.000Z') + n * 1000).toISOString(),
      phase: 'outcome' as const,
      request_id: `r-${n}`,
      action: 'flow.delete',
      account_id: liveConfig().accountId,
      channel_id: liveConfig().channels[0].id,
      flow_id: String(n),
      result: 'deleted',
    }))
    for (let start = 0; start < rows.length; start += 1000) await store.db.insertInto('audit_entries').values(rows.slice(start, start + 1000)).execute()
    const config = liveConfig()
    const app = createApp({ config, upstream: createUpstreamClient({ ...config.upstream }), logger: memoryLog().logger, audit: store.audit, store })
    const order: string[] = []

    const exported = Promise.resolve(app.request('/api/v1/audit/export?from=2026-11-30&to=2026-11-30')).then(async (response) => {
      await response.text()
      order.push('export')
    })
    // Asked on the next turn of the event loop, as a request arriving from the network would be.
    const recent = new Promise((resolveTurn) => setTimeout(resolveTurn, 0)).then(async () => {
      await (await app.request(`/api/v1/accounts/${config.accountId}/channels/${config.channels[0].id}/audit?limit=20`)).json()
      order.push('recent activity')
    })
    await Promise.all([exported, recent])
    expect(order).toEqual(['recent activity', 'export'])
  })

  it('takes the last day a date field offers as To, and refuses an empty From with its name', async () => {
    ;({ store } = await open())
    const app = createApp({ config: liveConfig(), upstream: createUpstreamClient({ ...liveConfig().upstream }), logger: memoryLog().logger, audit: store.audit, store })
    expect((await app.request('/api/v1/audit/export?from=2026-11-30&to=9999-12-31')).status).toBe(200)
    const empty = await app.request('/api/v1/audit/export?from=&to=2026-11-30')
    expect(empty.status).toBe(400)
    expect((await readError(empty)).message).toMatch(/^from is not a date/)
  })

  it('pages through a range larger than one page without losing or repeating an entry', async () => {
    ;({ store } = await open())
    for (let i = 0; i < 7; i++) {
      await store.audit.append({ time: '2026-11-30T06:00:00.000Z', requestId: `p-${i}`, operator: null, action: 'flow.delete', phase: 'attempt', accountId: 'a', channelId: 'c', flowId: String(i) })
    }
    const seen: string[] = []
    for await (const page of store.exportAudit({ from: '2026-11-30T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }, 3)) seen.push(...page.map((e) => e.requestId))
    expect(seen.toSorted()).toEqual(['p-0', 'p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6'])
  })

  it.each([
    ['', /from is required/],
    ['?from=2026-11-30', /to is required/],
    ['?from=yesterday&to=2026-11-30', /from is not a date/],
    ['?from=2026-12-02&to=2026-12-01', /from must be before to/],
  ])('refuses %j with a clear 400', async (query, message) => {
    ;({ store } = await open())
    const app = createApp({ config: liveConfig(), upstream: createUpstreamClient({ ...liveConfig().upstream }), logger: memoryLog().logger, audit: store.audit, store })
    const response = await app.request(`/api/v1/audit/export${query}`)
    expect(response.status).toBe(400)
    expect((await readError(response)).message).toMatch(message)
  })
})
