import { useCallback, useMemo, useState, type RefObject } from 'react'
import type { Finding } from '../preview/preview-context'
import type { Span } from '../preview/parse-flow'
import type { PlacedError } from './error-ranges'
import type { JsonEditorHandle } from './json-editor'

export type WorkspaceView = 'json' | 'preview'

/**
 * The ties between the editor and its phone: the findings the phone marks (Meta's, where they are now,
 * and this browser's checks), the cursor it follows, a component picked in the phone selected in the
 * JSON, and a finding clicked there taken to its place. On narrow screens, which of the two is shown.
 */
export function useEditorPreview(editor: RefObject<JsonEditorHandle | null>, meta: PlacedError[] | null, local: PlacedError[]) {
  const [cursor, setCursor] = useState<number>()
  const [view, setView] = useState<WorkspaceView>('json')
  const findings = useMemo<Finding[]>(
    () => [
      ...(meta ?? []).map((error, metaIndex) => ({ message: error.message || error.error, source: 'Meta', from: error.from, to: error.to, metaIndex })),
      ...local.filter((error) => error.error !== 'JSON_SYNTAX').map((error) => ({ message: error.message, source: 'Checked in this browser', from: error.from, to: error.to })),
    ],
    [meta, local],
  )
  const onPick = useCallback((span: Span) => editor.current?.reveal(span.from, span.to), [editor])
  const onFinding = useCallback(
    (finding: Finding) => {
      setView('json')
      // After the JSON is shown again (narrow screens): the editor takes the focus only when visible.
      requestAnimationFrame(() => (finding.metaIndex === undefined ? editor.current?.select(finding.from, finding.to) : editor.current?.selectMetaError(finding.metaIndex)))
    },
    [editor],
  )
  return { findings, cursor, onCursor: setCursor, onPick, onFinding, view, setView }
}

const hiddenKey = 'flows-admin:preview-hidden'

/** Whether the phone shows beside the JSON in a wide window: the operator's choice, kept in this browser. */
export function usePreviewShown(): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(() => {
    try {
      return localStorage.getItem(hiddenKey) === null
    } catch {
      return true
    }
  })
  const choose = useCallback((next: boolean) => {
    setShown(next)
    try {
      if (next) localStorage.removeItem(hiddenKey)
      else localStorage.setItem(hiddenKey, '1')
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  }, [])
  return [shown, choose]
}
