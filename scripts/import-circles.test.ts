import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, it } from 'vitest'

/**
 * No module of `src/` reaches itself again through its static imports (type imports included: they
 * tie the modules' meanings together even when the bundle drops them). Lazy `import()` is left out:
 * a lazily loaded chunk's entry may import the page that loads it.
 */
const root = resolve(import.meta.dirname, '..', 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name) ? [path] : []
  })
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = resolve(dirname(from), specifier)
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((candidate) => {
    try {
      return statSync(candidate).isFile()
    } catch {
      return false
    }
  })
}

it('has no import circles', () => {
  const files = sourceFiles(root)
  const edges = new Map(
    files.map((file) => {
      const text = readFileSync(file, 'utf8')
      const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1])
      return [file, specifiers.flatMap((specifier) => resolveImport(file, specifier) ?? [])]
    }),
  )
  const circles: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const walk = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'visiting') {
      circles.push([...trail.slice(trail.indexOf(file)), file].map((f) => relative(root, f)).join(' → '))
      return
    }
    state.set(file, 'visiting')
    for (const next of edges.get(file) ?? []) walk(next, [...trail, file])
    state.set(file, 'done')
  }
  for (const file of files) walk(file, [])
  expect(circles).toEqual([])
})
