import { afterEach, describe, expect, it, vi } from 'vitest'
import { disagreements } from '../../test/name-order-check'
import { compareInRootOrder, nameOrder, rootOrderLanguages } from './name-order'

describe('name order', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('creates no collator for two ASCII names in a listed language, and one when a name or the locale needs it', () => {
    const { Collator } = Intl
    const created = vi.spyOn(Intl, 'Collator').mockImplementation(function (this: unknown, ...args) {
      return new Collator(...args)
    })
    expect(nameOrder('en-US')()('Survey 2', 'survey 10')).toBe(-1)
    expect(nameOrder('de')()('b', 'a')).toBe(1)
    expect(created).not.toHaveBeenCalled()
    expect(nameOrder('en-US')()('Résumé', 'Survey')).toBe(-1)
    expect(created).toHaveBeenCalledTimes(1)
    expect(nameOrder('en-u-co-emoji')()('a', 'b')).toBe(-1)
    expect(nameOrder('da')()('a', 'b')).toBe(-1)
    expect(created).toHaveBeenCalledTimes(3)
  })

  // The table agrees with the collator on every adjacent pair of a sorted sample, so on every pair of it.
  it.each([...rootOrderLanguages, 'en-US', 'en-GB', 'de-AT', 'fr-CA', 'pt-BR', 'zh-Hant-TW', 'es-MX'])(
    'orders printable ASCII as Intl.Collator does for %s',
    (locale) => {
      expect(disagreements(locale)).toEqual([])
    },
  )

  it.each(['da', 'cs', 'lt', 'tr', 'hu', 'cy', 'th'])('catches %s, whose collation tailors ASCII (and so is not listed)', (locale) => {
    expect(rootOrderLanguages.has(locale)).toBe(false)
    expect(disagreements(locale).length).toBeGreaterThan(0)
  })

  it('orders names the table cannot tell, and every name in other languages, with the collator', () => {
    const english = nameOrder('en-US')()
    expect(english('Résumé', 'resume')).toBe(0)
    expect(english('Zoo', 'Éclair')).toBe(1)
    expect(english(`v${'9'.repeat(40)}`, `v1${'0'.repeat(40)}`)).toBe(-1)
    expect(['Survey…', 'a‐b', 'Zoë'].map((name) => compareInRootOrder(name, 'a'))).toEqual([undefined, undefined, undefined])
    expect(english('Campaign 0012 – survey', 'campaign 12 - survey')).toBe(1)
    const danish = nameOrder('da')()
    expect(danish('aa', 'z')).toBe(1)
    expect(nameOrder(undefined)()('flow 9', 'flow 10')).toBe(-1)
  })

  it('puts numbers in value order, leading zeros aside, and ignores case', () => {
    const order = nameOrder('en')()
    expect(['flow 10', 'Flow 9', 'flow 009b', 'flow 9a', 'flow'].toSorted(order)).toEqual(['flow', 'Flow 9', 'flow 9a', 'flow 009b', 'flow 10'])
    expect(order('ABC', 'abc')).toBe(0)
  })
})
