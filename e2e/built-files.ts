import { readFileSync } from 'node:fs'

type ManifestEntry = { file: string; css?: string[] }

/**
 * The built client's files of one source or chunk name (its JS and CSS), from Vite's manifest: lazy
 * files are named by hash only.
 */
export function builtFiles(source: string): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../dist/client/.vite/manifest.json', import.meta.url), 'utf8')) as Record<string, ManifestEntry & { name?: string }>
  const entry = manifest[source] ?? Object.values(manifest).find((candidate) => candidate.name === source && candidate.file.endsWith('.js'))
  if (!entry) throw new Error(`${source} is not in the build's manifest: run npm run build`)
  return [entry.file, ...(entry.css ?? [])]
}

/** A pattern matching the URLs of those files. */
export function builtFilesPattern(source: string): RegExp {
  const names = builtFiles(source).map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`/(${names.join('|')})$`)
}
