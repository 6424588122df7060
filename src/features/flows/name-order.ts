/**
 * The order of flow names: the operator's language, ignoring case and accents, numbers by value
 * ("Survey 2" before "Survey 10"). It is `Intl.Collator`'s order, and only that.
 *
 * A page's first collator costs 6–10 ms to create (ICU loads its collation data), on the way to the
 * first rows. Most names are plain ASCII (with an autocorrected dash or quote), and in most languages
 * those sort in Unicode's root order, which a table gives for free: two such names are compared with
 * the table, and the collator is created the first time a name needs it. `name-order.test.ts` (Node's
 * ICU) and the e2e `name-order.spec.ts` (Chromium's) check the table against `Intl.Collator` for every
 * language listed.
 */

/**
 * Languages whose collation leaves printable ASCII in root order: not Czech ("ch" after "h"), Danish ("aa"
 * after "z"), Thai (punctuation ignored)…
 */
export const rootOrderLanguages: ReadonlySet<string> = new Set('ar bg ca de el en es fa fr he hi id it ja ko ms nl pt ru uk zh'.split(' '))

/**
 * Root order at base strength of printable ASCII and the typographic marks autocorrect puts in names (en
 * and em dashes, curly quotes, no-break space): spaces and punctuation, symbols, then digits, then letters.
 */
const punctuation = ' _-\u2013\u2014,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$'
/** Marks that are one of the above at base strength. */
const sameAs: Record<string, string> = { '\u00a0': ' ', '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"' }

/**
 * A key whose code-point order is the root order of `name`: punctuation as its rank (1–35), letters in
 * upper case (65–90), each number as "@" (64), its length and its digits, leading zeros dropped. Null for
 * a name the table cannot tell: another character, a number of over 30 digits (ICU splits long ones).
 */
function rootKey(name: string): string | null {
  return /^[ -~\u00a0\u2013\u2014\u2018\u2019\u201c\u201d]*$/.test(name) && !/\d{31}/.test(name)
    ? name.replace(/0*(\d+)|./g, (token, digits?: string) =>
        digits
          ? `@${String.fromCharCode(digits.length)}${digits}`
          : /[a-z]/i.test(token)
            ? token.toUpperCase()
            : String.fromCharCode(punctuation.indexOf(sameAs[token] ?? token) + 1),
      )
    : null
}

/**
 * Root order at base strength, numbers by value, for two names the table covers; undefined when it
 * cannot tell. `keys`: the keys made so far (a sort makes each name's key once).
 */
export function compareInRootOrder(a: string, b: string, keys = new Map<string, string | null>()): number | undefined {
  let ka = keys.get(a)
  if (ka === undefined) keys.set(a, (ka = rootKey(a)))
  let kb = keys.get(b)
  if (kb === undefined) keys.set(b, (kb = rootKey(b)))
  if (ka === null || kb === null) return undefined
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/**
 * Name comparators for `locale`, a new one for each sort: the table where it agrees with the collator,
 * the collator elsewhere. A comparator keeps its names' keys, and they go with it after the sort.
 */
export function nameOrder(locale: string | undefined): () => (a: string, b: string) => number {
  let collator: Intl.Collator | undefined
  const collate = (a: string, b: string) => {
    collator ??= new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
    return collator.compare(a, b)
  }
  // Extensions ("de-u-co-phonebk", "en-u-kn-false", "-t-", "-x-") may change the order: collator only.
  const language = locale === undefined || /-[0-9a-z]-/i.test(locale) ? undefined : locale.split('-')[0].toLowerCase()
  if (language === undefined || !rootOrderLanguages.has(language)) return () => collate
  return () => {
    const keys = new Map<string, string | null>()
    return (a, b) => compareInRootOrder(a, b, keys) ?? collate(a, b)
  }
}

/** Comparators of flow names in the operator's language (the browser's first one). */
export const nameComparator = nameOrder(globalThis.navigator?.language)
