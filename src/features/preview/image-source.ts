/** The image types Meta's base64 data comes in, by how their data starts. */
const signatures: [string, string][] = [
  ['/9j/', 'image/jpeg'],
  ['iVBOR', 'image/png'],
  ['R0lGOD', 'image/gif'],
  ['UklGR', 'image/webp'],
]

/**
 * A data URL for Meta's `src` (base64 image data), or undefined for anything else (a URL, a script):
 * those are not Meta's format and are never fetched or run.
 */
export function imageSource(src: unknown): string | undefined {
  if (typeof src !== 'string') return undefined
  const data = src.replace(/\s/g, '')
  if (data.length < 8 || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined
  const type = signatures.find(([start]) => data.startsWith(start))?.[1]
  return type ? `data:${type};base64,${data}` : undefined
}
