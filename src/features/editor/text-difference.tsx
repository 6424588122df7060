import { MergeView, unifiedMergeView } from '@codemirror/merge'
import { json } from '@codemirror/lang-json'
import { EditorState } from '@codemirror/state'
import { EditorView, lineNumbers } from '@codemirror/view'
import { useEffect, useRef } from 'react'
import { editorTheme } from './editor-theme'

type TextDifferenceProps = { before: string; after: string; beforeLabel: string; afterLabel: string }

/**
 * Two texts side by side with the lines added and removed marked (one unified view on a phone), read
 * only. @codemirror/merge, loaded with the editor.
 */
export function TextDifference({ before, after, beforeLabel, afterLabel }: TextDifferenceProps) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const parent = host.current!
    const readOnly = [lineNumbers(), json(), editorTheme, EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.lineWrapping]
    if (window.matchMedia('(max-width: 640px)').matches) {
      const view = new EditorView({ parent, doc: after, extensions: [...readOnly, unifiedMergeView({ original: before, mergeControls: false })] })
      return () => view.destroy()
    }
    const view = new MergeView({ parent, a: { doc: before, extensions: readOnly }, b: { doc: after, extensions: readOnly } })
    return () => view.destroy()
  }, [before, after])
  return (
    <figure className="text-difference">
      <figcaption className="text-difference__labels small">
        <span>{beforeLabel}</span>
        <span>{afterLabel}</span>
      </figcaption>
      <div ref={host} />
    </figure>
  )
}
