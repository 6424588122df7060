import { mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Makes `dir` and its missing parents one level at a time. (`mkdir -p` in Node loops for ever on
 * some paths, e.g. under /proc, and reports a file in the way as EEXIST.)
 */
export function ensureDirectory(dir: string) {
  const missing: string[] = []
  let current = dir
  for (;;) {
    let isDirectory: boolean
    try {
      isDirectory = statSync(current).isDirectory()
    } catch (error) {
      const parent = dirname(current)
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw error
      missing.unshift(current)
      current = parent
      continue
    }
    if (!isDirectory) throw new Error(`${current} is not a directory`)
    break
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder)
    } catch (error) {
      throw new Error(`cannot create ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error })
    }
  }
}
