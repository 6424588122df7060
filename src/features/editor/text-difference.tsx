import { goToNextChunk, goToPreviousChunk, MergeView, unifiedMergeView } from '@codemirror/merge'
import { json } from '@codemirror/lang-json'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, lineNumbers } from '@codemirror/view'
import { useEffect, useRef } from 'react'
import { editorTheme } from './editor-theme'

type TextDifferenceProps = {
  before: string
  after: string
  beforeLabel: string
  afterLabel: string
  /** Mark changed lines whole, not the characters that changed in them (texts too large for that). */
  byLines?: boolean
}

/**
 * Two texts side by side with the lines added and removed marked (one unified view on a phone), read
 * only, the unchanged stretches folded (large flows stay quick). Previous and next change: the buttons,
 * or Alt+↑ and Alt+↓ in the texts. @codemirror/merge, loaded with the editor and the history.
 */
export function TextDifference({ before, after, beforeLabel, afterLabel, byLines = false }: TextDifferenceProps) {
  const host = useRef<HTMLDivElement>(null)
  const changed = useRef<EditorView | null>(null)
  useEffect(() => {
    const parent = host.current!
    const moves = keymap.of([
      { key: 'Alt-ArrowDown', run: goToNextChunk },
      { key: 'Alt-ArrowUp', run: goToPreviousChunk },
    ])
    const readOnly = [lineNumbers(), json(), editorTheme, moves, EditorState.readOnly.of(true), EditorView.lineWrapping]
    // Each text is named for assistive technology as its label says it on screen.
    const named = (label: string) => EditorView.contentAttributes.of({ 'aria-label': label })
    const collapseUnchanged = { margin: 3, minSize: 6 }
    // The diff bounded as @codemirror/merge bounds it by default (diff-summary.ts says the same lines).
    const compare = { collapseUnchanged, diffConfig: { scanLimit: 500 }, highlightChanges: !byLines }
    if (window.matchMedia('(max-width: 640px)').matches) {
      const view = new EditorView({
        parent,
        doc: after,
        extensions: [...readOnly, named(`${afterLabel}, compared with ${beforeLabel}`), unifiedMergeView({ original: before, mergeControls: false, ...compare })],
      })
      changed.current = view
      return () => view.destroy()
    }
    const view = new MergeView({ parent, a: { doc: before, extensions: [...readOnly, named(beforeLabel)] }, b: { doc: after, extensions: [...readOnly, named(afterLabel)] }, ...compare })
    changed.current = view.b
    return () => view.destroy()
  }, [before, after, beforeLabel, afterLabel, byLines])

  const move = (to: typeof goToNextChunk) => {
    const view = changed.current
    if (view) {
      to(view)
      view.focus()
    }
  }
  return (
    <figure className="text-difference">
      <figcaption className="text-difference__labels small">
        <span>{beforeLabel}</span>
        <span>{afterLabel}</span>
      </figcaption>
      <div className="text-difference__moves">
        <button type="button" className="button button--quiet" onClick={() => move(goToPreviousChunk)}>
          Previous change
        </button>
        <button type="button" className="button button--quiet" onClick={() => move(goToNextChunk)}>
          Next change
        </button>
      </div>
      <div ref={host} />
    </figure>
  )
}
