import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { createApp } from '../app'
import { answerBackupReads, fakeUpstream, flowsUrl, json, liveConfig, memoryLog, readError } from '../test-support'
import { createUpstreamClient } from '../upstream/client'
import { openStore } from './open-store'

it('refuses changes with 503 and sends nothing once the SQLite file is removed, and /readyz says so', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'flows-admin-file-')), 'flows-admin.db')
  const store = await openStore(`file:${path}`)
  const upstream = fakeUpstream(answerBackupReads(() => json({})))
  const config = liveConfig()
  const log = memoryLog()
  const app = createApp({ config, upstream: createUpstreamClient({ ...config.upstream, fetch: upstream.fetch }), logger: log.logger, audit: store.audit, store })
  const remove = () => app.request(`${flowsUrl}/1620387745519023`, { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } })
  try {
    expect((await remove()).status).toBe(200)
    upstream.calls.length = 0
    rmSync(path)

    const refused = await remove()
    expect(refused.status).toBe(503)
    expect(await readError(refused)).toMatchObject({
      code: 'AUDIT_UNAVAILABLE',
      message: 'The database file was removed or replaced while the server ran, so nothing was changed: restart Flows Admin',
      errorId: expect.any(String),
    })
    expect(upstream.calls).toEqual([])
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ status: 'degraded', database: { state: 'failing' } })
    expect(log.text()).toContain(`the database file ${path} was removed or replaced while the server ran`)
  } finally {
    await store.close()
  }
})
