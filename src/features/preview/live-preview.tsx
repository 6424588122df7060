import { memo } from 'react'
import { Phone, type PhoneProps } from './phone'
import type { Finding } from './preview-context'
import type { Span } from './parse-flow'
import { useParsedFlow } from './use-parsed-flow'

export type LivePreviewProps = {
  /** The text as it is now, unsaved or not. */
  text: string
  /** Meta's findings and this console's, placed in `text`. */
  findings: Finding[]
  cursor?: number
  onPick?: (span: Span) => void
  onFinding?: (finding: Finding) => void
  label?: string
  /** Screens to mark in the picker ("changed", "added"), by id. */
  marks?: Record<string, string>
}

/** Drawn again only when its flow, findings or cursor change: not on each keystroke. */
const StablePhone = memo(Phone)

/**
 * A phone that follows a text as it is typed: parsed after each pause, the last good rendering kept
 * (and said to be stale) while the JSON does not parse.
 */
export function LivePreview({ text, findings, cursor, onPick, onFinding, label = 'Phone preview', marks }: LivePreviewProps) {
  const parsed = useParsedFlow(text, findings)
  // The cursor belongs to the text drawn: while a newer text waits to be parsed, the phone keeps its place.
  const drawnCursor = parsed.text === text ? cursor : undefined
  if (!parsed.flow) {
    return (
      <output className="state pv-stale">Nothing to preview yet: {parsed.stale ?? 'no screens.'}</output>
    )
  }
  const props: PhoneProps = { flow: parsed.flow, label, findings: parsed.extra, cursor: drawnCursor, onPick, onFinding, marks }
  return (
    <>
      {parsed.stale && (
        <output className="notice pv-stale">Not up to date: {parsed.stale} The phone shows the last JSON that parsed.</output>
      )}
      <StablePhone {...props} />
    </>
  )
}
