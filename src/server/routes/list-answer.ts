import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * From this size a list goes compressed to a client that accepts it: a 1000-flow list is ~80 kB of
 * JSON and ~9 kB compressed. Below it, compressing costs the server more than it saves on the wire.
 */
export const compressFromChars = 32_000

type Encoding = 'br' | 'gzip'

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

/** A list's answer: its JSON, made once, and each compressed form, made once when first asked for. */
type Answer = { text: string; compressed: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>> }

/**
 * Identical reads in flight share one answer from 8x8 (the upstream client's shared reads), so each
 * list is serialised, and compressed, once however many browsers wait for it.
 */
const answers = new WeakMap<object, Answer>()

function answerFor(list: object): Answer {
  let answer = answers.get(list)
  if (answer === undefined) {
    answer = { text: JSON.stringify(list), compressed: {} }
    answers.set(list, answer)
  }
  return answer
}

async function compress(text: string, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const compressed =
    encoding === 'br'
      ? await brotliAsync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text) } })
      : await gzipAsync(text, { level: 6 })
  // zlib's output is a Buffer over an ordinary ArrayBuffer (never a shared one).
  return compressed as Uint8Array<ArrayBuffer>
}

/** The list's body for a client that sent `acceptEncoding`: compressed when it is large and the client accepts it. */
export async function listAnswer(list: object, acceptEncoding: string | undefined): Promise<{ body: string | Uint8Array<ArrayBuffer>; encoding?: Encoding }> {
  const answer = answerFor(list)
  const encoding = answer.text.length >= compressFromChars ? acceptedEncoding(acceptEncoding) : undefined
  if (encoding === undefined) return { body: answer.text }
  answer.compressed[encoding] ??= compress(answer.text, encoding)
  return { body: await answer.compressed[encoding], encoding }
}
