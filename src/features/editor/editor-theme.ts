import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { EditorView } from '@codemirror/view'
import { tags } from '@lezer/highlight'

/**
 * CodeMirror in the page's own colours (its CSS variables), so light and dark mode follow the page:
 * CodeMirror's default theme and highlighting are for a light page only.
 */
const pageColors = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--surface)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)',
  },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-panels': { backgroundColor: 'var(--bg)', color: 'var(--text)' },
  '.cm-searchMatch': { backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent)' },
  // A comparison's folded stretches (@codemirror/merge): its light band would glare in dark mode (the
  // page, not CodeMirror, knows which mode it is in), and its marks (⦚) are missing from common fonts.
  // (&.cm-editor: as specific as the package's own &light rule, and mounted after it.)
  '&.cm-editor .cm-collapsedLines': { color: 'var(--muted)', background: 'var(--bg)', borderBlock: '1px dashed var(--border)' },
  '&.cm-editor .cm-collapsedLines:before, &.cm-editor .cm-collapsedLines:after': { content: '"↕"' },
})

const jsonColors = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--code-property)' },
  { tag: tags.string, color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--code-literal)' },
  { tag: tags.invalid, color: 'var(--danger)' },
])

export const editorTheme = [pageColors, syntaxHighlighting(jsonColors)]
