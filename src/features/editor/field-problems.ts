import { flowEditLimits, flowJsonSizeProblem } from '../../shared/flow-edit'
import type { EditorFields } from './local-draft'

export type FieldProblems = Partial<Record<'name' | 'categories' | 'endPointUri', string>>

/** What 8x8 would refuse, said before anything is sent. */
export function fieldProblems(fields: EditorFields): FieldProblems {
  const problems: FieldProblems = {}
  if (fields.name.trim() === '') problems.name = 'Give the flow a name.'
  if (fields.categories.length === 0) problems.categories = 'Choose at least one category.'
  const endpoint = fields.endPointUri.trim()
  if (endpoint !== '' && !(URL.canParse(endpoint) && new URL(endpoint).protocol === 'https:')) problems.endPointUri = 'The endpoint URL must be an https:// address.'
  return problems
}

/** Why the flow JSON cannot be sent: empty, not JSON, or over 8x8's size limit. */
export function jsonProblemOf(text: string): string | undefined {
  if (text.trim() === '') return 'The flow JSON is empty.'
  const tooLarge = jsonSizeProblem(text)
  if (tooLarge) return `${tooLarge}.`
  try {
    JSON.parse(text)
    return undefined
  } catch {
    return 'The flow JSON is not valid JSON: fix the place marked in the editor first.'
  }
}

/**
 * Whether the text is over 8x8's limit, as it will be counted: its UTF-8 bytes. A text of under a
 * third of the limit in UTF-16 units cannot be over it (three bytes at most for each), and is not counted.
 */
export function jsonSizeProblem(text: string): string | undefined {
  if (text.length * 3 <= flowEditLimits.flowJsonBytes) return undefined
  return flowJsonSizeProblem(new TextEncoder().encode(text).length)
}
