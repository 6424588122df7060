import { afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../store/open-store'
import { testEngines } from '../store/test-databases'
import { accountId, channelId, eightByEightError, fakeUpstream, json, liveConfig, memoryLog, sampleFlowJson, until } from '../test-support'
import { createUpstreamClient } from '../upstream/client'
import { createCopySettler } from './copy-settler'

const scope = { accountId, channelId }
const gone = '1620000000000001'
const stillThere = '1620000000000002'
const unreachable = '1620000000000003'
/** What this server serves: the account (written without dashes here, as 8x8 also accepts it) and its channel. */
const configured = { accountId: accountId.replaceAll('-', ''), channelIds: [channelId] }
const minuteAgo = () => new Date(Date.now() - 60_000).toISOString()

/** 8x8 as the settler meets it: one flow deleted, one still there, one whose read fails (8x8 down). */
const upstream8x8 = () =>
  fakeUpstream((request) => {
    const flowId = new URL(request.url).pathname.split('/').at(-1)
    if (flowId === stillThere) return json({ flowId, name: 'Kept', status: 'DRAFT', categories: ['OTHER'], flowJsonUrl: 'https://cdn.example.test/x.json' })
    if (flowId === unreachable) return json(eightByEightError(5000, 'Service unavailable'), 503)
    return json(eightByEightError(1300, 'Resource not found'), 404)
  })

describe.each(testEngines)('settling the copies of interrupted deletes, on $name', ({ open }) => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  async function interruptedDelete(flowId: string, { takenAt = minuteAgo(), channelId: channel = channelId } = {}) {
    const backupId = await store!.backups.keep({
      ...scope,
      channelId: channel,
      flowId,
      name: `Flow ${flowId.slice(-1)}`,
      categories: ['OTHER'],
      status: 'DRAFT',
      endPointUri: null,
      validationErrors: [],
      flowJson: sampleFlowJson,
      requestId: `request-of-${flowId}`,
      takenBy: 'dana',
    })
    // As a crash leaves it: the copy taken, its delete never answered.
    await store!.db.updateTable('flow_backups').set({ taken_at: takenAt }).where('id', '=', backupId).execute()
    return backupId
  }

  function settlerFor(fake: ReturnType<typeof upstream8x8>, settleAfterMs = 25_000) {
    const config = liveConfig()
    const client = createUpstreamClient({ ...config.upstream, fetch: fake.fetch, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    return createCopySettler({ backups: store!.backups, upstream: client, audit: store!.audit, logger: memoryLog().logger, configured, settleAfterMs })
  }

  it('lists a copy whose delete was cut off as not confirmed once its delete is surely over, and can find it at once', async () => {
    ;({ store } = await open())
    const old = await interruptedDelete(gone)
    const young = await interruptedDelete(stillThere, { takenAt: new Date().toISOString() })

    const listed = await store.backups.list(scope, 10)
    expect(listed.map((copy) => [copy.backupId, copy.state])).toEqual([[old, 'unconfirmed']])
    expect((await store.backups.find(scope, young))?.state).toBe('unconfirmed')
  })

  it('keeps the copy of a flow 8x8 no longer has as deleted, and says so in the audit trail', async () => {
    ;({ store } = await open())
    const backupId = await interruptedDelete(gone)

    const report = await settlerFor(upstream8x8()).runOnce()

    expect(report).toMatchObject({ deleted: 1, notDeleted: 0, undecided: 0 })
    expect((await store.backups.find(scope, backupId))?.state).toBe('deleted')
    const [outcome] = await store.audit.recent(scope, 10)
    expect(outcome).toMatchObject({ requestId: `request-of-${gone}`, result: 'deleted', backupId, operator: 'dana', reason: expect.stringMatching(/^found after a restart/) })
  })

  it('drops the copy of a flow 8x8 still has (the delete never happened), and says so', async () => {
    ;({ store } = await open())
    const backupId = await interruptedDelete(stillThere)

    expect(await settlerFor(upstream8x8()).runOnce()).toMatchObject({ deleted: 0, notDeleted: 1 })

    expect(await store.backups.find(scope, backupId)).toBeUndefined()
    const [outcome] = await store.audit.recent(scope, 10)
    expect(outcome).toMatchObject({ result: 'not-deleted', reason: expect.stringContaining('still has the flow') })
  })

  it('leaves a copy alone while 8x8 cannot say, and one whose delete may still be on its way', async () => {
    ;({ store } = await open())
    const undecided = await interruptedDelete(unreachable)
    const young = await interruptedDelete(gone, { takenAt: new Date().toISOString() })
    const fake = upstream8x8()

    const report = await settlerFor(fake).runOnce()

    expect(report).toMatchObject({ deleted: 0, notDeleted: 0, undecided: 1, notDue: 1 })
    expect(report.nextDueAt).toBeGreaterThan(Date.now())
    expect(fake.calls.map((call) => new URL(call.url).pathname.split('/').at(-1))).toEqual([unreachable])
    expect((await store.backups.unsettled(10, configured)).map((copy) => copy.backupId).toSorted()).toEqual([undecided, young].toSorted())
    expect(await store.audit.recent(scope, 10)).toEqual([])
  })

  it('goes on at once after a full batch, rather than waiting for its next round', async () => {
    ;({ store } = await open())
    for (const n of [1, 4, 5, 6, 7]) await interruptedDelete(`162000000000001${n}`)
    const config = liveConfig()
    const client = createUpstreamClient({ ...config.upstream, fetch: upstream8x8().fetch, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    const settler = createCopySettler({ backups: store.backups, upstream: client, audit: store.audit, logger: memoryLog().logger, configured, settleAfterMs: 25_000, everyMs: 3_600_000, batch: 2 })
    settler.start()
    try {
      await until(async () => (await store!.backups.unsettled(10, configured)).length === 0)
    } finally {
      settler.stop()
    }
    expect((await store.backups.list(scope, 10)).map((copy) => copy.state)).toEqual(['deleted', 'deleted', 'deleted', 'deleted', 'deleted'])
  })

  it('leaves copies of a channel no longer configured alone, without their holding back the others', async () => {
    ;({ store } = await open())
    const removed = 'c0ffee00-1b2a-4c3d-8e9f-0a1b2c3d4e5f'
    const others = [await interruptedDelete('1620000000000021', { channelId: removed }), await interruptedDelete('1620000000000022', { channelId: removed })]
    const ours = await interruptedDelete(gone, { takenAt: new Date(Date.now() - 30_000).toISOString() })
    const config = liveConfig()
    const client = createUpstreamClient({ ...config.upstream, fetch: upstream8x8().fetch, retry: { attempts: 1, baseMs: 1, capMs: 1 } })
    const settler = createCopySettler({ backups: store.backups, upstream: client, audit: store.audit, logger: memoryLog().logger, configured, settleAfterMs: 25_000, batch: 2 })

    expect(await settler.runOnce()).toMatchObject({ deleted: 1 })
    expect((await store.backups.find(scope, ours))?.state).toBe('deleted')
    expect((await store.backups.unsettled(10, { accountId, channelIds: [removed] })).map((copy) => copy.backupId).toSorted()).toEqual(others.toSorted())
  })

  it('settles a copy once when two instances run at the same time', async () => {
    ;({ store } = await open())
    await interruptedDelete(gone)
    const fake = upstream8x8()

    const reports = await Promise.all([settlerFor(fake).runOnce(), settlerFor(fake).runOnce()])

    expect(reports.reduce((sum, report) => sum + report.deleted, 0)).toBe(1)
    expect(await store.audit.recent(scope, 10)).toHaveLength(1)
  })
})
