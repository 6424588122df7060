import { parseTree, type Node } from 'jsonc-parser'
import type { FlowValidationError } from '../../shared/flow'
import { nodeAt, parseJsonPath } from '../../shared/flow-json-checks'

/** Where a finding is in the text: offsets for the editor, and the line and column the list shows. */
export type PlacedError = FlowValidationError & { from: number; to: number; line: number; column: number }

/** Offset of a 1-based line and column, clamped into the text. */
function offsetOf(lineStarts: number[], text: string, line: number, column: number): number {
  const start = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1]
  const lineEnd = text.indexOf('\n', start)
  return Math.min(start + Math.max(column, 1) - 1, lineEnd === -1 ? text.length : lineEnd)
}

function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

/**
 * Places Meta's findings in the operator's text: at their line and column when 8x8 gives them (they
 * point into the text as sent, which is the text as written), else at the node their path names,
 * found with a parser that keeps positions; else at the start.
 */
export function placeErrors(text: string, errors: FlowValidationError[]): PlacedError[] {
  const starts = lineStartsOf(text)
  let tree: Node | undefined | null = null
  return errors.map((error) => {
    let from = 0
    let to = 0
    if (error.lineStart !== undefined && error.columnStart !== undefined) {
      from = offsetOf(starts, text, error.lineStart, error.columnStart)
      to = error.lineEnd !== undefined && error.columnEnd !== undefined ? Math.max(from, offsetOf(starts, text, error.lineEnd, error.columnEnd)) : from
    } else if (error.paths.length > 0) {
      tree ??= parseTree(text) ?? undefined
      const node = nodeAt(tree ?? undefined, parseJsonPath(error.paths[0]))
      if (node) {
        from = node.offset
        to = node.offset + node.length
      }
    }
    const line = starts.findLastIndex((start) => start <= from) + 1
    return { ...error, from, to, line, column: from - starts[line - 1] + 1 }
  })
}
