import { describe, expect, it } from 'vitest'
import { buildApp, eightByEightError, fakeUpstream, flowsUrl, json, testKey } from '../test-support'

const deleteInit = { method: 'DELETE', headers: { 'x-requested-with': 'XMLHttpRequest' } }
const deleteUrl = `${flowsUrl}/1620387745519023`

async function deleteAgainst(respond: () => Response) {
  const { app, log } = buildApp(fakeUpstream(respond).fetch)
  const response = await app.request(deleteUrl, deleteInit)
  const text = await response.text()
  return { response, text, logText: log.text() }
}

function expectNoKey({ response, text, logText }: Awaited<ReturnType<typeof deleteAgainst>>) {
  for (const where of [text, [...response.headers.values()].join('\n'), logText]) {
    expect(where.toLowerCase()).not.toContain(testKey.toLowerCase())
  }
}

describe("8x8's error bodies reach the browser as the documented fields only, scrubbed of the key", () => {
  it.each([
    ['a nested object', { details: { authorization: `Bearer ${testKey}` } }],
    ['an array', { errors: [`key ${testKey} is not valid`] }],
    ['request headers', { request: { headers: { Authorization: `Bearer ${testKey}` } } }],
    ['a source field pretending to be the proxy', { source: 'proxy' }],
  ])('drops %s', async (_label, extra) => {
    const result = await deleteAgainst(() => json({ ...eightByEightError(1200, 'Request was not authenticated properly'), ...extra }, 401))
    expect(result.response.status).toBe(401)
    expect(Object.keys(JSON.parse(result.text)).toSorted()).toEqual(['code', 'errorId', 'message', 'timestamp'])
    expectNoKey(result)
  })

  it('scrubs the key from every field, whatever its case', async () => {
    const body = {
      code: `E-${testKey.toUpperCase()}`,
      message: `Bad key ${testKey.toUpperCase()}`,
      errorId: `id-${testKey}`,
      timestamp: `2026-12-01 ${testKey}`,
    }
    const result = await deleteAgainst(() => json(body, 401))
    expect(JSON.parse(result.text)).toMatchObject({ message: 'Bad key [redacted]' })
    expectNoKey(result)
  })
})

describe("8x8's headers", () => {
  it.each([
    [`Bearer ${testKey}`, null],
    ['7', '7'],
    ['Wed, 02 Dec 2026 08:00:00 GMT', 'Wed, 02 Dec 2026 08:00:00 GMT'],
  ])('pass Retry-After %j on only as digits or an HTTP date', async (retryAfter, expected) => {
    const result = await deleteAgainst(() => json(eightByEightError(1010, 'Too many requests'), 429, { 'retry-after': retryAfter }))
    expect(result.response.headers.get('retry-after')).toBe(expected)
    expectNoKey(result)
  })

  it('do not put an upstream Content-Type into the log unscrubbed', async () => {
    const result = await deleteAgainst(
      () => new Response('<html>oops</html>', { status: 500, headers: { 'content-type': `text/html; debug=${testKey}` } }),
    )
    expect(result.response.status).toBe(502)
    expect(result.logText).toContain('text/html')
    expectNoKey(result)
  })
})
