import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from '@codemirror/commands'
import { json, jsonParseLinter } from '@codemirror/lang-json'
import { bracketMatching, foldGutter, indentOnInput } from '@codemirror/language'
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint'
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search'
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete'
import { EditorState, StateEffect, StateField } from '@codemirror/state'
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { checkFlowJson } from '../../shared/flow-json-checks'
import { editorTheme } from './editor-theme'
import { placeErrors, type PlacedError } from './error-ranges'

export type JsonEditorHandle = {
  /** Puts the cursor on a range and the focus in the editor. */
  select(from: number, to: number): void
  /** The same for Meta's error at `index`, where it is now (its place moves with the edits since the save). */
  selectMetaError(index: number): void
  /** Replaces the whole text (an upload, an example), as one step that Undo takes back. */
  replace(text: string): void
  /** Selects a range and scrolls it into view, leaving the focus where it is (a component picked in the preview). */
  reveal(from: number, to: number): void
}

type JsonEditorProps = {
  initialText: string
  onChange: (text: string) => void
  /** This browser's findings in the text (JSON that does not parse first), each time the linter has run (after a pause in typing). */
  onChecked?: (found: PlacedError[]) => void
  /** Where Meta's findings are in the text now, in their order: after each edit, and when they are set. */
  onMetaPlaced?: (places: TextPlace[]) => void
  /** Meta's findings of the last save, placed in the text as it was then (they move with edits after). */
  metaErrors: PlacedError[]
  labelledBy: string
  describedBy?: string
  /** Published and deprecated flows: shown, searchable, not changeable. */
  readOnly?: boolean
  /** Where the cursor is, each time it moves. */
  onCursor?: (offset: number) => void
}

/** A place in the text: offsets, and the 1-based line and column a list shows. */
export type TextPlace = { from: number; to: number; line: number; column: number }

function placeOf(state: EditorState, from: number, to: number): TextPlace {
  const line = state.doc.lineAt(from)
  return { from, to, line: line.number, column: from - line.from + 1 }
}

/** Meta's findings of the last save, as marks that move with the text as the operator edits. */
const setMetaErrors = StateEffect.define<Diagnostic[]>()
const metaErrorsField = StateField.define<Diagnostic[]>({
  create: () => [],
  update(marks, transaction) {
    for (const effect of transaction.effects) if (effect.is(setMetaErrors)) return effect.value
    if (!transaction.docChanged) return marks
    return marks.map((mark) => {
      const from = transaction.changes.mapPos(mark.from, 1)
      return { ...mark, from, to: Math.max(from, transaction.changes.mapPos(mark.to, -1)) }
    })
  },
})

/**
 * Meta's errors, and this console's own checks as you type (warnings: Meta decides), JSON syntax first.
 * Run again whenever Meta's answer is set (a save), not only when the text changes: the marks are
 * exactly Meta's last answer, none when there are none.
 */
const flowChecks = (report: (found: PlacedError[]) => void) => linter(
  (view) => {
    const meta = view.state.field(metaErrorsField)
    const text = view.state.doc.toString()
    const syntax = text.trim() === '' ? [] : jsonParseLinter()(view)
    const found =
      text.trim() === ''
        ? []
        : syntax.length > 0
          ? syntax.map((mark): PlacedError => ({ error: 'JSON_SYNTAX', errorType: 'JSON', message: `The JSON does not parse: ${mark.message}`, paths: [], ...placeOf(view.state, mark.from, mark.to) }))
          : placeErrors(text, checkFlowJson(text))
    report(found)
    if (syntax.length > 0) return [...meta, ...syntax]
    const local = found
      // What Meta already marks there is not marked twice.
      .filter((error) => !meta.some((mark) => mark.from === error.from && mark.to === error.to))
      .map((error): Diagnostic => ({ from: error.from, to: error.to, severity: 'warning', source: 'Checked in this browser', message: error.message }))
    return [...meta, ...local]
  },
  { delay: 300, needsRefresh: (update) => update.transactions.some((transaction) => transaction.effects.some((effect) => effect.is(setMetaErrors))) },
)

/**
 * The flow JSON editor: CodeMirror 6 with JSON highlighting, folding, search, and two kinds of marks:
 * Meta's errors (from the last save) and this console's checks. Tab indents as in any code editor;
 * Escape then Tab leaves the editor (CodeMirror's documented way), as the hint under it says.
 */
export const JsonEditor = forwardRef<JsonEditorHandle, JsonEditorProps>(function JsonEditor({ initialText, onChange, onChecked, onMetaPlaced, onCursor, metaErrors, labelledBy, describedBy, readOnly = false }, ref) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const changed = useRef(onChange)
  changed.current = onChange
  const checked = useRef(onChecked)
  checked.current = onChecked
  const placed = useRef(onMetaPlaced)
  placed.current = onMetaPlaced
  const cursor = useRef(onCursor)
  cursor.current = onCursor

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          editorTheme,
          json(),
          metaErrorsField,
          flowChecks((found) => checked.current?.(found)),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
          EditorView.lineWrapping,
          EditorState.readOnly.of(readOnly),
          // tabindex 0 changes nothing for the keyboard (the text box is focusable already) but tells checkers
          // such as axe (scrollable-region-focusable) that the scroll area holds a focusable element: the
          // scroll area itself is no tab stop of its own.
          EditorView.contentAttributes.of({ tabindex: '0', 'aria-labelledby': labelledBy, ...(describedBy ? { 'aria-describedby': describedBy } : {}) }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString())
            if (update.selectionSet) cursor.current?.(update.state.selection.main.head)
            if (update.docChanged || update.transactions.some((transaction) => transaction.effects.some((effect) => effect.is(setMetaErrors)))) {
              placed.current?.(update.state.field(metaErrorsField).map((mark) => placeOf(update.state, mark.from, mark.to)))
            }
          }),
        ],
      }),
    })
    view.current = editor
    return () => editor.destroy()
    // The editor owns its text after it starts: a new initial text is a new editor (the caller's key).
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const editor = view.current
    if (!editor) return
    const length = editor.state.doc.length
    const diagnostics = metaErrors.map((error): Diagnostic => ({
      from: Math.min(error.from, length),
      to: Math.min(error.to, length),
      severity: 'error',
      source: `Meta: ${error.error || error.errorType}`,
      message: error.message,
    }))
    editor.dispatch({ effects: setMetaErrors.of(diagnostics) })
    forceLinting(editor)
  }, [metaErrors])

  useImperativeHandle(ref, () => ({
    select(from, to) {
      const editor = view.current
      if (!editor) return
      const length = editor.state.doc.length
      editor.dispatch({ selection: { anchor: Math.min(from, length), head: Math.min(to, length) }, scrollIntoView: true })
      editor.focus()
    },
    selectMetaError(index) {
      const mark = view.current?.state.field(metaErrorsField)[index]
      if (mark) this.select(mark.from, mark.to)
    },
    reveal(from, to) {
      const editor = view.current
      if (!editor) return
      const length = editor.state.doc.length
      editor.dispatch({ selection: { anchor: Math.min(from, length), head: Math.min(to, length) }, scrollIntoView: true })
    },
    replace(text) {
      const editor = view.current
      // A step of its own in the undo history (not merged with typing before it): Undo brings the text back.
      editor?.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text }, annotations: isolateHistory.of('full'), userEvent: 'input.replace' })
    },
  }))

  return <div ref={host} className="json-editor" />
})
