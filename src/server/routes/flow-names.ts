/**
 * A flow's name as 8x8 tells names apart for uniqueness (as far as this console can know): in one
 * Unicode form (NFKC), without spaces around it or runs of them inside, in lower case. "Café survey",
 * "CAFE\u0301 SURVEY" and " café  survey" are one name.
 */
export function flowNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

export const sameFlowName = (a: string, b: string): boolean => flowNameKey(a) === flowNameKey(b)
