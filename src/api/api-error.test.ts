import { afterEach, describe, expect, it, vi } from 'vitest'
import { fromResponse, newErrorId } from './api-error'

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('newErrorId', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('makes a v4 UUID even where crypto.randomUUID is missing (plain http on a LAN)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) })
    const ids = new Set(Array.from({ length: 50 }, () => newErrorId()))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(uuidV4)
  })
})

describe('fromResponse', () => {
  it("keeps 8x8's code and errorId and marks the source", async () => {
    const body = { code: 1300, message: 'Flow not found', errorId: 'abc', timestamp: 't' }
    const error = await fromResponse(new Response(JSON.stringify(body), { status: 404, headers: { 'x-request-id': 'r1' } }))
    expect(error).toMatchObject({ status: 404, code: 1300, errorId: 'abc', message: 'Flow not found', source: 'upstream', requestId: 'r1' })
  })

  it('marks errors the proxy made', async () => {
    const body = { code: 'UPSTREAM_TIMEOUT', errorId: 'p', timestamp: 't', source: 'proxy' }
    const error = await fromResponse(new Response(JSON.stringify(body), { status: 504 }))
    expect(error).toMatchObject({ source: 'proxy', code: 'UPSTREAM_TIMEOUT', message: 'Request failed with HTTP 504' })
  })
})
