import { acceptedEncoding, compressText, type Encoding } from '../compression'

/**
 * From this size a list goes compressed to a client that accepts it: a 1000-flow list is ~80 kB of
 * JSON and ~9 kB compressed. Below it, compressing costs the server more than it saves on the wire.
 */
export const compressFromChars = 32_000

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

/** The list's body for a client that sent `acceptEncoding`: compressed when it is large and the client accepts it. */
export async function listAnswer(list: object, acceptEncoding: string | undefined): Promise<{ body: string | Uint8Array<ArrayBuffer>; encoding?: Encoding }> {
  const answer = answerFor(list)
  const encoding = answer.text.length >= compressFromChars ? acceptedEncoding(acceptEncoding) : undefined
  if (encoding === undefined) return { body: answer.text }
  answer.compressed[encoding] ??= compressText(answer.text, encoding)
  return { body: await answer.compressed[encoding], encoding }
}
