#!/usr/bin/env node
// Measures what the browser must download before the first view renders: the JS and CSS that
// dist/client/index.html references (entry script, modulepreloads, stylesheets), gzip -9.
// Lazy chunks (fetched after the first render) are reported apart.
//
//   node scripts/bundle-size.mjs            print the table
//   node scripts/bundle-size.mjs --check    also fail when the initial page is over budget
//   node scripts/bundle-size.mjs --json F   also write the measurement to F
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const budgetKb = 105
/** The phone preview's own code (its lazy file, JS and CSS): kept small, as the editor loads it. */
export const previewAimKb = 40
/** The preview's lazy file's source (its JS and CSS are found in the build's manifest). */
const previewSource = 'src/features/preview/preview-chunk.ts'

/** What each built file holds, from Vite's manifest: lazy files are named by their hash only. */
function sourcesOf(dir) {
  const sources = new Map()
  let manifest = {}
  try {
    manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'))
  } catch {
    return sources
  }
  for (const [source, entry] of Object.entries(manifest)) {
    const name = entry.name ?? source.replace(/^.*\//, '').replace(/\.[jt]sx?$/, '')
    if (!sources.has(entry.file)) sources.set(entry.file, name)
    for (const css of entry.css ?? []) if (!sources.has(css)) sources.set(css, `${name} (CSS)`)
  }
  return { sources, preview: [manifest[previewSource]?.file, ...(manifest[previewSource]?.css ?? [])].filter(Boolean) }
}
const clientDir = 'dist/client'

const kb = (bytes) => (bytes / 1000).toFixed(1)
const sum = (files) => files.reduce((total, f) => total + f.gzip, 0)

export function measureBundle(dir = clientDir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])
  const all = readdirSync(join(dir, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`)
  const sizeOf = (file) => {
    const bytes = readFileSync(join(dir, file))
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  }
  const { sources = new Map(), preview = [] } = sourcesOf(dir)
  const named = (f) => ({ ...f, source: sources.get(f.file) ?? '' })
  const initial = referenced.map(sizeOf).map(named)
  const lazy = all.filter((f) => !referenced.includes(f)).map(sizeOf).map(named)
  return { initial, lazy, initialGzip: sum(initial), lazyGzip: sum(lazy), budgetGzip: budgetKb * 1000, previewGzip: sum(lazy.filter((f) => preview.includes(f.file))) }
}

export function bundleTable(m) {
  const rows = [
    ...m.initial.map((f) => `| ${f.file} | ${f.source} | initial | ${kb(f.raw)} | ${kb(f.gzip)} |`),
    ...m.lazy.map((f) => `| ${f.file} | ${f.source} | lazy | ${kb(f.raw)} | ${kb(f.gzip)} |`),
  ]
  return [
    '| file | holds | loaded | raw kB | gzip -9 kB |',
    '|---|---|---|---|---|',
    ...rows,
    `| **initial page (JS+CSS)** | | | | **${kb(m.initialGzip)}** (budget ${budgetKb}) |`,
    `| **phone preview (lazy, JS+CSS)** | | | | **${kb(m.previewGzip)}** (aim ${previewAimKb}) |`,
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measureBundle()
  console.log(bundleTable(m))
  const jsonAt = process.argv.indexOf('--json')
  if (jsonAt !== -1) writeFileSync(process.argv[jsonAt + 1], `${JSON.stringify(m, null, 2)}\n`)
  if (process.argv.includes('--check')) {
    if (m.initialGzip > m.budgetGzip) {
      console.error(`Initial page is ${kb(m.initialGzip)} kB gzip, over the ${budgetKb} kB budget.`)
      process.exit(1)
    }
    console.log(`Initial page within budget: ${kb(m.initialGzip)} of ${budgetKb} kB gzip.`)
    if (m.previewGzip === 0 || m.previewGzip > previewAimKb * 1000) {
      console.error(m.previewGzip === 0 ? 'No phone preview file in the build (the manifest names none for src/features/preview/preview-chunk.ts).' : `The phone preview is ${kb(m.previewGzip)} kB gzip, over its ${previewAimKb} kB aim.`)
      process.exit(1)
    }
    console.log(`Phone preview: ${kb(m.previewGzip)} of ${previewAimKb} kB gzip.`)
  }
}
