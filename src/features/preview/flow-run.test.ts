import { describe, expect, it } from 'vitest'
import { runReducer, startAt } from './flow-run'

describe('a run through a flow', () => {
  it('a jump to the screen shown keeps what it shows (a response, what was entered)', () => {
    const done = runReducer(runReducer(startAt('A'), { type: 'set', name: 'x', value: 1 }), { type: 'outcome', outcome: { kind: 'complete', payload: { x: 1 } } })
    expect(runReducer(done, { type: 'jump', screenId: 'A' })).toBe(done)
  })

  it('a jump back to a screen on the way returns to it; to another, goes on to it', () => {
    const two = runReducer(startAt('A'), { type: 'navigate', screenId: 'B', payload: { p: 1 } })
    expect(runReducer(two, { type: 'jump', screenId: 'A' }).stack.map((visit) => visit.screenId)).toEqual(['A'])
    expect(runReducer(two, { type: 'jump', screenId: 'C' }).stack.map((visit) => visit.screenId)).toEqual(['A', 'B', 'C'])
  })
})
