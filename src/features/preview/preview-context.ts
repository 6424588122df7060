import { createContext, useContext } from 'react'
import type { ExpressionScope } from './expressions'
import type { FlowComponent, Span } from './parse-flow'

/** A finding (Meta's, or this console's check) placed on the component its place in the text falls in. */
export type Finding = { message: string; source: string; from: number; to: number; metaIndex?: number }

/** What every drawn component may read and do: the run's values, its actions, and its ties to the JSON. */
export type PreviewContextValue = {
  scope: ExpressionScope
  /** Field problems found when the Footer was pressed, by field name. */
  problems: Record<string, string>
  setValue: (name: string, value: unknown) => void
  /** Runs an action (`navigate`, `complete`, `data_exchange`, `update_data`, `open_url`); `footer`: check the fields first; `form`: a value just chosen, not yet in the scope. */
  act: (action: unknown, options?: { footer?: boolean; form?: Record<string, unknown> }) => void
  spanOf: (value: object) => Span | undefined
  /** The component the editor's cursor is in. */
  selected?: FlowComponent
  findings: Map<FlowComponent, Finding[]>
  /** A component clicked or focused: show its JSON. */
  onPick?: (span: Span) => void
  /** A finding's message clicked: go to its place in the JSON. */
  onFinding?: (finding: Finding) => void
  /** Names stay unique when two phones are on one page (a comparison). */
  idPrefix: string
}

export const PreviewContext = createContext<PreviewContextValue | null>(null)

export function usePreview(): PreviewContextValue {
  const value = useContext(PreviewContext)
  if (!value) throw new Error('usePreview outside a phone preview')
  return value
}
