/**
 * The language a page request puts first in `Accept-Language` (the highest weight, the earliest among
 * equals), canonicalised: the one the browser sorts names in, since its `navigator.language` heads the
 * same list. Undefined when the header names no valid language (the server's own order then).
 */
export function preferredLocale(header: string | undefined): string | undefined {
  let best: { locale: string; weight: number } | undefined
  for (const part of (header ?? '').split(',').slice(0, 32)) {
    const [tag, ...params] = part.split(';').map((piece) => piece.trim())
    const q = params.find((param) => param.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    if (tag === '' || tag === '*' || !(weight > 0) || (best && weight <= best.weight)) continue
    try {
      best = { locale: Intl.getCanonicalLocales(tag)[0], weight }
    } catch {
      // Not a language tag: skipped.
    }
  }
  return best?.locale
}
