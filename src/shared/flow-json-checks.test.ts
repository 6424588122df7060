import { describe, expect, it } from 'vitest'
import { checkFlowJson, formatJsonPath, parseJsonPath, positionOf } from './flow-json-checks'

const valid = `{
  "version": "7.3",
  "screens": [
    {
      "id": "WELCOME",
      "title": "Welcome",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "TextHeading", "text": "Hello" },
          { "type": "Footer", "label": "Done", "on-click-action": { "name": "complete", "payload": {} } }
        ]
      }
    }
  ]
}
`

/** The text an error's range covers, as the editor would mark it. */
function marked(text: string, error: ReturnType<typeof checkFlowJson>[number]) {
  const lines = text.split('\n')
  const start = lines.slice(0, error.lineStart! - 1).join('\n').length + (error.lineStart! > 1 ? 1 : 0) + error.columnStart! - 1
  const end = lines.slice(0, error.lineEnd! - 1).join('\n').length + (error.lineEnd! > 1 ? 1 : 0) + error.columnEnd! - 1
  return text.slice(start, end)
}

describe('checkFlowJson', () => {
  it('finds nothing wrong in a minimal valid flow', () => {
    expect(checkFlowJson(valid)).toEqual([])
  })

  it('marks an unknown component type at its value, with its path', () => {
    const text = valid.replace('"TextHeading"', '"TextHeadline"')
    const [error] = checkFlowJson(text)
    expect(error).toMatchObject({ error: 'INVALID_PROPERTY_VALUE', lineStart: 11, columnStart: 21, paths: ['screens[0].layout.children[0].type'] })
    expect(marked(text, error)).toBe('"TextHeadline"')
  })

  it('marks a syntax error where the parser stopped', () => {
    const text = valid.replace('"Welcome",', '"Welcome"')
    const [error] = checkFlowJson(text)
    expect(error).toMatchObject({ error: 'INVALID_JSON', errorType: 'JSON_SYNTAX_ERROR', lineStart: 7 })
  })

  it('says a frozen version can no longer be published', () => {
    const text = valid.replace('"7.3"', '"5.0"')
    expect(checkFlowJson(text)).toEqual([expect.objectContaining({ error: 'INVALID_VERSION', lineStart: 2, paths: ['version'] })])
  })

  it('finds a duplicate screen id, a route to a missing screen and no terminal screen', () => {
    const two = JSON.stringify({
      version: '7.3',
      screens: [
        { id: 'A', layout: { type: 'SingleColumnLayout', children: [{ type: 'Footer', label: 'Next', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'C' } } }] } },
        { id: 'A', layout: { type: 'SingleColumnLayout', children: [] } },
      ],
    }, null, 2)
    expect(checkFlowJson(two).map((error) => error.error).toSorted()).toEqual(['DUPLICATE_SCREEN_ID', 'INVALID_SCREEN_ROUTE', 'MISSING_TERMINAL_SCREEN'])
  })

  it('needs screens', () => {
    expect(checkFlowJson('{ "version": "7.3" }')).toEqual([expect.objectContaining({ error: 'MISSING_REQUIRED_PROPERTY' })])
  })
})

describe('paths and positions', () => {
  it('reads and writes Meta’s paths', () => {
    expect(parseJsonPath('screens[0].layout.children[12].type')).toEqual(['screens', 0, 'layout', 'children', 12, 'type'])
    expect(formatJsonPath(['screens', 0, 'layout', 'children', 12, 'type'])).toBe('screens[0].layout.children[12].type')
  })

  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})
