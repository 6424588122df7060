import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const root = resolve(import.meta.dirname, '..', '..')
export const resultsDir = join(root, 'bench', 'results')

/**
 * One measure's numbers: bench/results/<name>.json, and its section of docs/performance.md as
 * bench/results/<name>.md (bench/report.ts puts the sections of a whole run together).
 */
export function saveSection(name: string, json: unknown, markdown: string[]) {
  mkdirSync(resultsDir, { recursive: true })
  const measured = { date: new Date().toISOString(), node: process.version, ...(json as object) }
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(measured, null, 2)}\n`)
  writeFileSync(join(resultsDir, `${name}.md`), `${markdown.join('\n').trim()}\n`)
  process.stdout.write(`\n${markdown.join('\n')}\n`)
}
