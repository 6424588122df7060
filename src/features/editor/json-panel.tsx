import { useId, type RefObject } from 'react'
import type { PlacedError } from './error-ranges'
import { exampleFlowJson } from './example-flow'
import { JsonEditor, type JsonEditorHandle, type TextPlace } from './json-editor'

type JsonPanelProps = {
  editorRef: RefObject<JsonEditorHandle | null>
  /** A new key starts the editor again from `text` (a kept draft brought back, their text taken). */
  editorKey: number
  text: string
  readOnly: boolean
  metaErrors: PlacedError[]
  /** Why the text cannot be sent, once the operator tried. */
  problem?: string
  /** The text is over 8x8's size limit: said at once, and for as long as it is. */
  sizeWarning?: string
  onChange: (text: string) => void
  onChecked: (found: PlacedError[]) => void
  onMetaPlaced: (places: TextPlace[]) => void
  onCursor?: (offset: number) => void
}

export const replaceQuestion = 'Replace the JSON in the editor? What it holds now comes back with Undo (Ctrl+Z).'

/** A file's text byte for byte: a leading byte order mark too (file.text() drops it). */
const textOf = async (file: File) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer())

/**
 * The Flow JSON: the editor, and three ways to fill it: typing or pasting, a file (chosen, or dropped
 * onto the editor), or the example. A file or the example replaces the text as one step Undo takes back.
 */
export function JsonPanel({ editorRef, editorKey, text, readOnly, metaErrors, problem, sizeWarning, onChange, onChecked, onMetaPlaced, onCursor }: JsonPanelProps) {
  const labelId = useId()
  // Typed text is not replaced without asking; replaced, it comes back with Undo.
  const replace = (next: string) => {
    if (text.trim() !== '' && text !== next && !window.confirm(replaceQuestion)) return
    editorRef.current?.replace(next)
  }
  return (
    <div className="editor-json">
      <div className="editor-json__bar">
        <span id={labelId} className="editor-json__label">
          Flow JSON
        </span>
        {!readOnly && (
          <>
            <label className="button button--quiet editor-json__upload">
              Upload JSON file
              <input
                type="file"
                accept="application/json,.json"
                className="visually-hidden"
                onChange={(event) => {
                  const file = event.target.files?.[0]
                  event.target.value = ''
                  if (file) void textOf(file).then(replace)
                }}
              />
            </label>
            <button type="button" className="button button--quiet" onClick={() => replace(exampleFlowJson)}>
              Start from an example
            </button>
          </>
        )}
      </div>
      {/* oxlint-disable-next-line jsx-a11y/no-static-element-interactions -- a drop target for files; the file input above does the same by keyboard */}
      <div
        className="editor-json__drop"
        onDragOver={(event) => {
          if (!readOnly && event.dataTransfer.types.includes('Files')) event.preventDefault()
        }}
        onDrop={(event) => {
          const file = event.dataTransfer.files[0]
          if (readOnly || !file) return
          event.preventDefault()
          void textOf(file).then(replace)
        }}
      >
        <JsonEditor key={editorKey} ref={editorRef} initialText={text} readOnly={readOnly} onChange={onChange} onChecked={onChecked} onMetaPlaced={onMetaPlaced} onCursor={onCursor} metaErrors={metaErrors} labelledBy={labelId} describedBy={`${labelId}-keys`} />
      </div>
      <p id={`${labelId}-keys`} className="small muted">
        Tab indents in the editor; press Escape, then Tab, to move on. Ctrl+F searches.
      </p>
      {/* A live region: said as the text goes over the limit (and as its size changes by 10 kB). */}
      <output className="field__problem editor-json__size">{sizeWarning && `${sizeWarning}: make it smaller before saving.`}</output>
      {problem && problem !== `${sizeWarning}.` && <p className="field__problem">{problem}</p>}
    </div>
  )
}
