import { describe, expect, it } from 'vitest'
import { conditionHolds, evaluate, resolve, resolveText, type ExpressionScope } from './expressions'

const scope: ExpressionScope = {
  data: { name: 'Ana', age: 20, tags: ['a', 'b'], nested: { city: 'Porto' } },
  form: { seats: '4', first: 'Bo' },
  screens: { WELCOME: { data: {}, form: { guest: 'Cy' } } },
}

describe('dynamic values', () => {
  it('a whole reference keeps its type (an array stays an array)', () => {
    expect(resolve('${data.tags}', scope)).toEqual(['a', 'b'])
    expect(resolve('${data.nested.city}', scope)).toBe('Porto')
  })

  it('references inside a text are put in it', () => {
    expect(resolve('Hi ${data.name}, ${screen.WELCOME.form.guest}', scope)).toBe('Hi Ana, Cy')
  })

  it('backtick expressions join text side by side and compare', () => {
    expect(resolve("`'Hello ' ${form.first}`", scope)).toBe('Hello Bo')
    expect(evaluate("${form.seats} == '4' && ${data.age} >= 18", scope)).toBe(true)
    expect(evaluate('!(${data.age} > 30) || false', scope)).toBe(true)
    expect(evaluate('${data.age} * 2 + 1', scope)).toBe(41)
  })

  it("an If's condition is an expression without backticks", () => {
    expect(conditionHolds('${data.age} < 18', scope)).toBe(false)
    expect(conditionHolds('`${data.age} >= 18`', scope)).toBe(true)
  })

  it('an expression that cannot be read says why, and resolveText never throws', () => {
    expect(() => evaluate('${data.age} >', scope)).toThrow(/ends too soon/)
    expect(() => resolve('${user.id}', scope)).toThrow(/Unknown reference/)
    expect(resolveText('`${data.age} @ 3`', scope)).toMatch(/Cannot read "@ 3"/)
  })
})
