import { brotliDecompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compressFromChars, listAnswer } from './list-answer'

describe("a list's answer", () => {
  const large = { flows: Array.from({ length: 1000 }, (_, i) => ({ id: String(1_000_000_000_000_000 + i), name: `Campaign ${i}`, status: 'DRAFT' })) }

  it('is compressed once for every client that waits for the same list', async () => {
    expect(JSON.stringify(large).length).toBeGreaterThanOrEqual(compressFromChars)
    const [first, second] = await Promise.all([listAnswer(large, 'br'), listAnswer(large, 'gzip, br')])
    expect(first.encoding).toBe('br')
    expect(second.body).toBe(first.body)
    expect(JSON.parse(brotliDecompressSync(first.body as Uint8Array).toString())).toEqual(large)
  })

  it('is the JSON itself when the list is small or the client accepts no compression', async () => {
    expect(await listAnswer({ flows: large.flows.slice(0, 5) }, 'br')).toEqual({ body: JSON.stringify({ flows: large.flows.slice(0, 5) }) })
    expect(await listAnswer(large, undefined)).toEqual({ body: JSON.stringify(large) })
  })
})
