import { promisify } from 'node:util'
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib'
import { weightedValues } from './weighted-header'

// Answers compressed per request: pages and large lists (assets are compressed at build time).

export type Encoding = 'br' | 'gzip'

/**
 * Brotli or gzip, as an `Accept-Encoding` header weighs them (q=0 refuses one; `*` stands for those it
 * does not name); brotli when they weigh the same. None when it accepts neither.
 */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  const weights = new Map(weightedValues(header).map(({ value, weight }) => [value.toLowerCase(), weight]))
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
 * A stream (a page as render-page.ts streams it), compressed. What arrives in one turn of the event loop
 * is flushed together at its end: a page's head leaves at once, while the server waits for 8x8, and its
 * rows, which React writes in a burst of small parts, leave together as soon as they are rendered.
 * Cancelling the result cancels `source`. The source is read as fast as it comes (a page is at most a
 * few hundred kB).
 */
export function compressStream(source: ReadableStream<Uint8Array>, encoding: Encoding): ReadableStream<Uint8Array> {
  const compressor = encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality } }) : createGzip({ level: gzipLevel })
  const flushKind = encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH
  const reader = source.getReader()
  let flushing: NodeJS.Immediate | undefined
  return new ReadableStream<Uint8Array>({
    start(controller) {
      compressor.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)))
      compressor.once('end', () => controller.close())
      compressor.on('error', (error) => controller.error(error))
      void (async () => {
        try {
          for (let read = await reader.read(); !read.done; read = await reader.read()) {
            compressor.write(read.value)
            flushing ??= setImmediate(() => {
              flushing = undefined
              compressor.flush(flushKind)
            })
          }
          clearImmediate(flushing)
          compressor.end()
        } catch (error) {
          compressor.destroy(error as Error)
        }
      })()
    },
    cancel(reason) {
      clearImmediate(flushing)
      compressor.destroy()
      return reader.cancel(reason)
    },
  })
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
