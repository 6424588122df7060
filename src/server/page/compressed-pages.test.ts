import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { builtClient, flows, flowsPage } from './page-test-support'

/** What a browser has of a brotli page so far: everything flushed until now, decompressed. */
const brotliSoFar = (bytes: Uint8Array[]) => brotliDecompressSync(Buffer.concat(bytes), { finishFlush: constants.BROTLI_OPERATION_FLUSH }).toString()

describe('pages go compressed to a browser that accepts it', () => {
  it('as brotli, with the head still sent before the list is in', async () => {
    let answer!: () => void
    const held = () => new Promise<Response>((resolve) => (answer = () => resolve(Response.json({ flows }))))
    const response = await builtClient({ list: held }).app.request(flowsPage(), { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } })
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('vary')).toContain('Accept-Encoding')
    // Streamed: nginx in front passes each part on as it comes.
    expect(response.headers.get('x-accel-buffering')).toBe('no')
    const reader = response.body!.getReader()
    const read: Uint8Array[] = [(await reader.read()).value!]
    expect(brotliSoFar(read)).toContain('<script type="module" src="/assets/app.js"></script>')
    expect(brotliSoFar(read)).not.toContain('Spring sale survey')
    answer()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) read.push(chunk.value)
    const page = brotliDecompressSync(Buffer.concat(read)).toString()
    expect(page).toContain('Spring sale survey')
    expect(page).toMatch(/<\/html>$/)
  })

  it('stops when the browser leaves halfway, and nothing fails after', async () => {
    let answer!: () => void
    const held = () => new Promise<Response>((resolve) => (answer = () => resolve(Response.json({ flows }))))
    const { app, logged } = builtClient({ list: held })
    const response = await app.request(flowsPage(), { headers: { 'accept-encoding': 'br' } })
    const reader = response.body!.getReader()
    expect(brotliSoFar([(await reader.read()).value!])).toContain('</head>')
    await reader.cancel()
    answer()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(logged).toEqual([])
  })

  it('as gzip when the browser takes only that, and as it is when it takes neither', async () => {
    const { app } = builtClient()
    const gzip = await app.request(flowsPage(), { headers: { 'accept-encoding': 'gzip, deflate' } })
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toContain('Spring sale survey')
    const plain = await app.request(flowsPage(), { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toContain('Spring sale survey')
  })

  it('also the pages the browser renders itself', async () => {
    const answer = await builtClient().app.request('/lookup/abc', { headers: { 'accept-encoding': 'br' } })
    expect(answer.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await answer.arrayBuffer())).toString()).toContain('<div id="root"></div>')
  })
})
