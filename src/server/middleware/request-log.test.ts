import { describe, expect, it } from 'vitest'
import { buildApp, fakeUpstream, flowsUrl, json, testKey } from '../test-support'

const requestLines = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request')
const nextTurn = () => new Promise((done) => setImmediate(done))

describe('request log', () => {
  it('writes one line per request, with what support traces an Error ID by, and no key', async () => {
    const { app, log } = buildApp(fakeUpstream(() => json({ flows: [] })).fetch)
    const response = await app.request(`${flowsUrl}?limit=10`)
    await nextTurn()

    const [line, ...more] = requestLines(log.lines)
    expect(more).toEqual([])
    expect(line).toMatchObject({ requestId: response.headers.get('x-request-id'), method: 'GET', path: flowsUrl, status: 200 })
    expect(line.durationMs).toBeGreaterThanOrEqual(0)
    expect(log.text()).not.toContain(testKey)
  })

  // The line is written once the answer is on its way: a write to the log is not part of the answer's latency.
  it('does not hold the answer back for its line', async () => {
    const { app, log } = buildApp(fakeUpstream(() => json({ flows: [] })).fetch)
    const response = await app.request(flowsUrl)
    expect(response.status).toBe(200)
    expect(requestLines(log.lines)).toEqual([])
    await nextTurn()
    expect(requestLines(log.lines)).toHaveLength(1)
  })

  it('logs the status an error answered with', async () => {
    const { app, log } = buildApp(fakeUpstream(() => json({ flows: [] })).fetch)
    await app.request('/api/v1/accounts/not-an-account/channels/x/flows')
    await nextTurn()
    expect(requestLines(log.lines).map((line) => line.status)).toEqual([400])
  })
})
