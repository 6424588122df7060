import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, it } from 'vitest'

/**
 * Every relative link and anchor in the README and the guides under docs/ leads somewhere: the file
 * (or folder) exists, and a `#fragment` names a heading of it, as GitHub makes their anchors.
 */
const root = resolve(import.meta.dirname, '..')

function markdownFiles(): string[] {
  const docs = join(root, 'docs')
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.md') ? [path] : []
    })
  return [join(root, 'README.md'), ...walk(docs)]
}

/** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '')
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const slug = heading
      .replace(/`/g, '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    anchors.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return anchors
}

it('has no dead relative links or anchors in the README and docs/', () => {
  const dead: string[] = []
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '')
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue
      const [path, fragment] = target.split('#')
      const linked = path === '' ? file : resolve(dirname(file), decodeURIComponent(path))
      const where = `${relative(root, file)} → ${target}`
      if (!existsSync(linked)) dead.push(`${where}: no such file`)
      else if (fragment !== undefined && statSync(linked).isFile() && !anchorsOf(linked).has(fragment)) dead.push(`${where}: no such heading`)
    }
  }
  expect(dead).toEqual([])
})

it('keeps the README short: at most 10 kB', () => {
  expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(10_000)
})

it('explains every error code the server makes in docs/troubleshooting.md', async () => {
  const { proxyErrorCodes } = await import('../src/shared/error-codes')
  const guide = readFileSync(join(root, 'docs', 'troubleshooting.md'), 'utf8')
  expect(Object.values(proxyErrorCodes).filter((code) => !guide.includes(`\`${code}\``))).toEqual([])
})
