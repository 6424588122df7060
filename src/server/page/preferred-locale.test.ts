import { describe, expect, it } from 'vitest'
import { preferredLocale } from './preferred-locale'

describe('the language a page request prefers', () => {
  it('is the first of equal weights, as browsers list them', () => {
    expect(preferredLocale('cs-CZ,cs;q=0.9,en;q=0.8')).toBe('cs-CZ')
    expect(preferredLocale('da, en-GB')).toBe('da')
  })

  it('is the heaviest, wherever it stands, and canonical', () => {
    expect(preferredLocale('en;q=0.5, sv-se;q=0.9, de;q=0.7')).toBe('sv-SE')
  })

  it('skips the wildcard, refusals and what is not a language tag', () => {
    expect(preferredLocale('*, cs;q=0')).toBeUndefined()
    expect(preferredLocale('not a tag!, th;q=0.4')).toBe('th')
    expect(preferredLocale('')).toBeUndefined()
    expect(preferredLocale(undefined)).toBeUndefined()
  })
})
