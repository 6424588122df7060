import { weightedValues } from '../weighted-header'

/**
 * The language a page request puts first in `Accept-Language` (the highest weight, the earliest among
 * equals), canonicalised: the one the browser sorts names in, since its `navigator.language` heads the
 * same list. Undefined when the header names no valid language (the server's own order then).
 */
export function preferredLocale(header: string | undefined): string | undefined {
  let best: { locale: string; weight: number } | undefined
  for (const { value: tag, weight } of weightedValues(header)) {
    if (tag === '*' || !(weight > 0) || (best && weight <= best.weight)) continue
    try {
      best = { locale: Intl.getCanonicalLocales(tag)[0], weight }
    } catch {
      // Not a language tag: skipped.
    }
  }
  return best?.locale
}
