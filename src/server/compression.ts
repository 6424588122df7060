import { pipeline, Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { promisify } from 'node:util'
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib'

// Answers compressed per request: pages and large lists (assets are compressed at build time).

export type Encoding = 'br' | 'gzip'

/**
 * Brotli or gzip, as an `Accept-Encoding` header weighs them (q=0 refuses one; `*` stands for those it
 * does not name); brotli when they weigh the same. None when it accepts neither.
 */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = params.find((param) => param.startsWith('q='))
    weights.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0)
  }
  const wildcard = weights.get('*') ?? 0
  const brotli = weights.get('br') ?? wildcard
  const gzipped = weights.get('gzip') ?? wildcard
  if (brotli <= 0 && gzipped <= 0) return undefined
  return brotli >= gzipped ? 'br' : 'gzip'
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
// Fast enough to compress per answer: a 1000-flow list (~80 kB of JSON) in about a millisecond.
const brotliQuality = 5
const gzipLevel = 6

/**
 * A stream (a page as render-page.ts streams it), compressed: each part is flushed as it comes, so a
 * page's head still leaves at once while the server waits for 8x8, and its rows as soon as they are
 * rendered. Cancelling the result cancels `page`.
 */
export function compressStream(page: ReadableStream<Uint8Array>, encoding: Encoding): ReadableStream<Uint8Array> {
  const compressor =
    encoding === 'br'
      ? createBrotliCompress({ flush: constants.BROTLI_OPERATION_FLUSH, params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality } })
      : createGzip({ flush: constants.Z_SYNC_FLUSH, level: gzipLevel })
  pipeline(Readable.fromWeb(page as NodeReadableStream<Uint8Array>), compressor, () => undefined)
  return Readable.toWeb(compressor) as ReadableStream<Uint8Array>
}

/** A text compressed whole (a list's JSON, a page the browser renders itself). */
export async function compressText(text: string, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const compressed =
    encoding === 'br'
      ? await brotliAsync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text) } })
      : await gzipAsync(text, { level: gzipLevel })
  // zlib's output is a Buffer over an ordinary ArrayBuffer (never a shared one).
  return compressed as Uint8Array<ArrayBuffer>
}
