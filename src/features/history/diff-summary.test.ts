import { describe, expect, it } from 'vitest'
import { diffSummary, summaryText } from './diff-summary'

const flow = (screens: { id: string; title: string }[]) => `${JSON.stringify({ version: '7.3', screens }, null, 2)}\n`

describe('diffSummary', () => {
  it('counts lines added and removed, and screens changed, added and removed by their IDs', () => {
    const before = flow([{ id: 'A', title: 'One' }, { id: 'B', title: 'Two' }])
    const after = flow([{ id: 'A', title: 'One!' }, { id: 'C', title: 'Three' }, { id: 'D', title: 'Four' }])
    const summary = diffSummary(before, after)
    expect(summary).toMatchObject({ screensChanged: 1, screensAdded: 2, screensRemoved: 1 })
    expect(summary.linesAdded).toBeGreaterThan(summary.linesRemoved)
    expect(summaryText(summary)).toMatch(/^1 screen changed, 2 added, 1 removed; \d+ lines added, \d+ removed$/)
  })

  it('says when there is no difference', () => {
    const text = flow([{ id: 'A', title: 'One' }])
    expect(summaryText(diffSummary(text, text))).toBe('No difference')
  })

  it('counts one changed line as one added and one removed, and still works on text that is not JSON', () => {
    expect(diffSummary('a\nb\nc', 'a\nB\nc')).toEqual({ linesAdded: 1, linesRemoved: 1, screensAdded: 0, screensRemoved: 0, screensChanged: 0 })
    expect(summaryText(diffSummary('a\nb\n', 'a\nb\nc\n'))).toBe('1 line added, 0 removed')
  })
})
