import { Chunk } from '@codemirror/merge'
import { Text } from '@codemirror/state'

export type DiffSummary = { linesAdded: number; linesRemoved: number; screensAdded: number; screensRemoved: number; screensChanged: number }

/** Lines a chunk covers in one document (none when it covers no line there). */
function linesIn(doc: Text, from: number, to: number): number {
  if (to <= from) return 0
  return doc.lineAt(Math.min(to, doc.length) - (to > doc.length ? 0 : 1)).number - doc.lineAt(from).number + 1
}

/** The screens of a flow JSON by ID, each as its serialised self (null: not a flow JSON that parses). */
function screensOf(text: string): Map<string, string> | null {
  try {
    const flow = JSON.parse(text) as { screens?: { id?: unknown }[] }
    if (!Array.isArray(flow.screens)) return null
    return new Map(flow.screens.map((screen, index) => [typeof screen.id === 'string' ? screen.id : `#${index}`, JSON.stringify(screen)]))
  } catch {
    return null
  }
}

/**
 * The diff's bound, as the side-by-side view sets it (@codemirror/merge's own default there): past 500
 * changed characters in a stretch it falls back to a coarser comparison, so two large and very
 * different texts take milliseconds, not minutes. Unbounded, a 300 kB version against a 1 MB one-line
 * one held the page for over a minute.
 */
export const diffBound = { scanLimit: 500 }

/**
 * What changed from `before` to `after`: lines added and removed (the texts as stored, as the
 * side-by-side view shows them), and screens added, removed and changed (by their IDs).
 */
export function diffSummary(before: string, after: string): DiffSummary {
  const a = Text.of(before.split('\n'))
  const b = Text.of(after.split('\n'))
  let linesAdded = 0
  let linesRemoved = 0
  for (const chunk of Chunk.build(a, b, diffBound)) {
    linesRemoved += linesIn(a, chunk.fromA, chunk.toA)
    linesAdded += linesIn(b, chunk.fromB, chunk.toB)
  }
  const was = screensOf(before)
  const now = screensOf(after)
  let screensAdded = 0
  let screensRemoved = 0
  let screensChanged = 0
  if (was && now) {
    for (const [id, screen] of now) {
      if (!was.has(id)) screensAdded++
      else if (was.get(id) !== screen) screensChanged++
    }
    for (const id of was.keys()) if (!now.has(id)) screensRemoved++
  }
  return { linesAdded, linesRemoved, screensAdded, screensRemoved, screensChanged }
}

/**
 * Texts too large to compare character by character in a browser that must keep answering: together
 * over 200 kB, or with a line over 10,000 characters (a one-line flow of 1 MB). Their comparison marks
 * changed lines whole.
 */
export function comparedByLines(before: string, after: string): boolean {
  return before.length + after.length > 200_000 || longestLine(before) > 10_000 || longestLine(after) > 10_000
}

const longestLine = (text: string) => text.split('\n').reduce((most, line) => Math.max(most, line.length), 0)

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** "2 screens changed, 1 added; 14 lines added, 3 removed", or "No difference". */
export function summaryText(summary: DiffSummary): string {
  const { linesAdded, linesRemoved, screensAdded, screensRemoved, screensChanged } = summary
  if (linesAdded + linesRemoved === 0) return 'No difference'
  const screens = [
    screensChanged > 0 && `${count(screensChanged, 'screen')} changed`,
    screensAdded > 0 && `${screensChanged > 0 ? screensAdded : count(screensAdded, 'screen')} added`,
    screensRemoved > 0 && `${screensChanged + screensAdded > 0 ? screensRemoved : count(screensRemoved, 'screen')} removed`,
  ].filter(Boolean)
  const lines = `${count(linesAdded, 'line')} added, ${linesRemoved} removed`
  return screens.length > 0 ? `${screens.join(', ')}; ${lines}` : lines
}
