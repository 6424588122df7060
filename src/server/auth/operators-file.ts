import { readFileSync } from 'node:fs'
import { isRole, roles, type Role } from '../../shared/roles'
import { isPasswordHash } from './password'

export const operatorNamePattern = /^[A-Za-z0-9._@-]{1,64}$/

export type Operators = { hashes: Map<string, string>; roles: Map<string, Role> }

/**
 * `OPERATORS_FILE`: one `name:hash` or `name:hash:role` a line (from `npm run hash-password`); blank
 * lines and lines starting with # are skipped. Errors name the line, never its hash.
 */
export function parseOperatorsWithRoles(text: string, source: string): Operators {
  const operators = new Map<string, string>()
  const operatorRoles = new Map<string, Role>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const where = `${source} line ${index + 1}`
    const [name, hash = '', role, ...extra] = line.split(':')
    if (role !== undefined) {
      if (!isRole(role) || extra.length > 0) throw new Error(`${where}: the role after the hash must be one of ${roles.join(', ')}`)
      operatorRoles.set(name, role)
    }
    if (!operatorNamePattern.test(name)) {
      throw new Error(`${where}: the operator name must be 1-64 letters, digits or . _ @ -`)
    }
    if (!isPasswordHash(hash)) throw new Error(`${where}: expected name:hash with a hash from npm run hash-password`)
    if (operators.has(name)) throw new Error(`${where}: operator "${name}" is listed twice`)
    operators.set(name, hash)
  })
  if (operators.size === 0) throw new Error(`${source}: lists no operators`)
  return { hashes: operators, roles: operatorRoles }
}

/** The names and hashes only. */
export const parseOperators = (text: string, source: string): Map<string, string> => parseOperatorsWithRoles(text, source).hashes

export function readOperatorsFile(path: string): Operators {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`, { cause: error })
  }
  return parseOperatorsWithRoles(text, path)
}
