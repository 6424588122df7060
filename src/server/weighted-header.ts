/**
 * The values of a header weighed with `q` (Accept-Encoding, Accept-Language), in their order, each with
 * its weight: 1 without a `q`, 0 for one that is not a number. At most the first 32.
 */
export function weightedValues(header: string | undefined): { value: string; weight: number }[] {
  return (header ?? '')
    .split(',')
    .slice(0, 32)
    .flatMap((part) => {
      const [value, ...params] = part.split(';').map((piece) => piece.trim())
      const q = params.find((param) => param.toLowerCase().startsWith('q='))
      return value === '' ? [] : [{ value, weight: q === undefined ? 1 : Number(q.slice(2)) || 0 }]
    })
}
