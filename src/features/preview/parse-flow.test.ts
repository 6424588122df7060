import { describe, expect, it } from 'vitest'
import { allComponents, componentAt, parseFlow } from './parse-flow'

const text = `{
  "version": "7.3",
  "screens": [
    { "id": "ONE", "layout": { "children": [ { "type": "TextBody", "text": "a" }, { "type": "If", "condition": "true", "then": [ { "type": "TextCaption", "text": "b" } ] } ] } },
    { "id": "TWO", "layout": { "children": [ { "type": "Footer", "label": "Go" } ] } }
  ]
}`

describe('parsing a flow for the preview', () => {
  it('keeps where each component is in the text', () => {
    const result = parseFlow(text)
    if (!result.ok) throw new Error(result.reason)
    const [body, condition, caption] = allComponents(result.flow.screens[0]).map((entry) => entry.component)
    const span = result.flow.spanOf(caption)!
    expect(text.slice(span.from, span.to)).toBe('{ "type": "TextCaption", "text": "b" }')
    expect(result.flow.spanOf(body)).toBeDefined()
    expect(condition.type).toBe('If')
  })

  it('finds the innermost component and its screen at an offset (the cursor)', () => {
    const result = parseFlow(text)
    if (!result.ok) throw new Error(result.reason)
    expect(componentAt(result.flow, text.indexOf('"b"'))?.component?.type).toBe('TextCaption')
    expect(componentAt(result.flow, text.indexOf('"Go"'))).toMatchObject({ screenId: 'TWO', component: { type: 'Footer' } })
    expect(componentAt(result.flow, 2)).toBeUndefined()
  })

  it('says why a text cannot be drawn', () => {
    expect(parseFlow('{"version": "7.3", "screens": [')).toMatchObject({ ok: false, reason: expect.stringMatching(/does not parse/) })
    expect(parseFlow('{"version": "7.3", "screens": []}')).toMatchObject({ ok: false, reason: expect.stringMatching(/no screens/) })
    expect(parseFlow('[1]')).toMatchObject({ ok: false })
    expect(parseFlow('  ')).toMatchObject({ ok: false, reason: 'The JSON is empty.' })
  })
})
