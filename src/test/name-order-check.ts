/**
 * The check of the name order's table against `Intl.Collator`: run by name-order.test.ts under Node's ICU
 * and, bundled into a page, by e2e/name-order.spec.ts under Chromium's.
 */
import { compareInRootOrder } from '../features/flows/name-order'

const printable = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2010\u2026\u00e9',
]

/** Every name of up to two printable characters (and typographic marks, one accent), three-letter names made of the letters languages tailor, and names like real ones. */
export function sampleNames(): string[] {
  const names = ['', ...printable]
  for (const a of printable) for (const b of printable) names.push(a + b)
  const tailored = ['a', 'A', 'c', 'h', 'C', 'H', 'i', 'I', 'j', 'l', 'L', 'n', 'y', 'z', 's', 'd', 'o', 'v', 'w', 'g', '0', '1', ' ', '-', '.']
  for (const a of tailored) for (const b of tailored) for (const c of tailored) names.push(a + b + c)
  let seed = 7
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
  const words = ['Survey', 'survey', 'flow', 'Flow-2', 'Campaign 0012 – survey', '“Quoted”', 'v10', 'v9', 'v009', 'Loan', 'aa', 'ch', 'Ij', 'lly', 'x_y', '(copy)', '#3', '2024-11-30', '100', '99']
  for (let n = 0; n < 3000; n++) {
    const parts = Array.from({ length: 1 + random(4) }, () => words[random(words.length)])
    names.push(parts.join(random(3) === 0 ? '' : ' '))
  }
  return names
}

/**
 * Pairs, next to each other in the collator's order of the names the table covers, on which the table
 * disagrees with it. Agreeing on every such pair, the table agrees on every pair of the sample.
 */
export function disagreements(locale: string): string[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  const sorted = sampleNames()
    .filter((name) => compareInRootOrder(name, '') !== undefined)
    .toSorted(collator.compare)
  const found: string[] = []
  for (let i = 1; i < sorted.length && found.length < 5; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]]
    if (Math.sign(compareInRootOrder(a, b)!) !== Math.sign(collator.compare(a, b))) found.push(`${JSON.stringify(a)} ${JSON.stringify(b)}`)
  }
  return found
}
