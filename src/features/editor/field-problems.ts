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
