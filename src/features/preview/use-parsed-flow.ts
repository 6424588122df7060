import { useEffect, useState } from 'react'
import { parseFlow, type ParsedFlow } from './parse-flow'

/** How long typing must pause before a text is parsed again: at once for small flows, a little later for big ones. */
export const parseDelayMs = (length: number) => (length > 50_000 ? 90 : 30)

export type ParsedSnapshot<Extra> = {
  /** The text the phone draws: the last one that parsed. */
  flow?: ParsedFlow
  /** The text parsed last (drawn or not), and what came with it. */
  text: string
  extra: Extra
  /** Why the text as it is now is not drawn (it does not parse); the phone keeps the last good one. */
  stale?: string
}

/**
 * The flow a preview draws, parsed once per pause in typing (never on every keystroke of a big flow),
 * with what belongs to that text (its findings, its cursor) taken at the same moment. JSON that does not
 * parse keeps the last flow that did, and says why.
 */
export function useParsedFlow<Extra>(text: string, extra: Extra): ParsedSnapshot<Extra> {
  const [snapshot, setSnapshot] = useState<ParsedSnapshot<Extra>>(() => {
    const result = parseFlow(text)
    return result.ok ? { flow: result.flow, text, extra } : { text, extra, stale: result.reason }
  })
  useEffect(() => {
    if (text === snapshot.text && extra === snapshot.extra) return
    const timer = setTimeout(
      () =>
        setSnapshot((last) => {
          if (text === last.text) return { ...last, extra }
          const result = parseFlow(text)
          return result.ok ? { flow: result.flow, text, extra } : { flow: last.flow, text, extra, stale: result.reason }
        }),
      text === snapshot.text ? 0 : parseDelayMs(text.length),
    )
    return () => clearTimeout(timer)
  }, [text, extra, snapshot])
  return snapshot
}
