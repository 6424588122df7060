import { readFileSync } from 'node:fs'
import { isPasswordHash } from './password'

export const operatorNamePattern = /^[A-Za-z0-9._@-]{1,64}$/

/**
 * `OPERATORS_FILE`: one `name:hash` a line (hashes from `npm run hash-password`); blank lines and
 * lines starting with # are skipped. Errors name the line, never its hash.
 */
export function parseOperators(text: string, source: string): Map<string, string> {
  const operators = new Map<string, string>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const where = `${source} line ${index + 1}`
    const separator = line.indexOf(':')
    const name = separator === -1 ? line : line.slice(0, separator)
    const hash = separator === -1 ? '' : line.slice(separator + 1)
    if (!operatorNamePattern.test(name)) {
      throw new Error(`${where}: the operator name must be 1-64 letters, digits or . _ @ -`)
    }
    if (!isPasswordHash(hash)) throw new Error(`${where}: expected name:hash with a hash from npm run hash-password`)
    if (operators.has(name)) throw new Error(`${where}: operator "${name}" is listed twice`)
    operators.set(name, hash)
  })
  if (operators.size === 0) throw new Error(`${source}: lists no operators`)
  return operators
}

export function readOperatorsFile(path: string): Map<string, string> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`, { cause: error })
  }
  return parseOperators(text, path)
}
