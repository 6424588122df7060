/**
 * Flow JSON's dynamic values, as a phone evaluates them: `${data.x}` (the screen's data), `${form.x}` (what
 * was entered on this screen), `${screen.OTHER.data.x}` / `${screen.OTHER.form.x}` (earlier screens), and
 * from 6.0 expressions in backticks (`` `${form.age} > 18` ``, `` `'Hi ' ${form.name}` ``). If's
 * `condition` is such an expression without the backticks.
 */

export type Values = Record<string, unknown>
export type ExpressionScope = { data: Values; form: Values; screens: Record<string, { data: Values; form: Values }> }

export class ExpressionError extends Error {}

const referencePattern = /\$\{([^}]*)\}/g
const wholeReference = /^\$\{([^}]*)\}$/

function walk(value: unknown, keys: string[]): unknown {
  let current = value
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

/** The value a reference names (`data.x`, `form.x`, `screen.ID.data.x`); undefined when nothing has it. */
export function lookup(reference: string, scope: ExpressionScope): unknown {
  const [root, ...rest] = reference.trim().split('.')
  if (root === 'data') return walk(scope.data, rest)
  if (root === 'form') return walk(scope.form, rest)
  if (root === 'screen') {
    const [screenId, part, ...keys] = rest
    const screen = scope.screens[screenId]
    return screen && (part === 'data' || part === 'form') ? walk(screen[part], keys) : undefined
  }
  throw new ExpressionError(`Unknown reference \${${reference}}: use data., form. or screen.`)
}

const asText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value))

/** A prop's value as the phone shows it: references looked up, backtick expressions evaluated, objects and arrays through. */
export function resolve(value: unknown, scope: ExpressionScope): unknown {
  if (typeof value === 'string') {
    const whole = wholeReference.exec(value)
    if (whole) return lookup(whole[1], scope)
    if (value.length > 1 && value.startsWith('`') && value.endsWith('`')) return evaluate(value.slice(1, -1), scope)
    return value.includes('${') ? value.replace(referencePattern, (_, reference: string) => asText(lookup(reference, scope))) : value
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, scope))
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, scope)]))
  return value
}

/** As `resolve`, but a value that cannot be evaluated becomes its text with the reason (the preview never throws). */
export function resolveSafely(value: unknown, scope: ExpressionScope): unknown {
  try {
    return resolve(value, scope)
  } catch (error) {
    return `${asText(value)} (${error instanceof Error ? error.message : 'cannot be evaluated'})`
  }
}

export function resolveText(value: unknown, scope: ExpressionScope): string {
  const resolved = resolveSafely(value, scope)
  return Array.isArray(resolved) ? resolved.map(asText).join('\n') : asText(resolved)
}

type Token = { kind: 'value'; value: unknown } | { kind: 'op'; op: string }

const operators = ['==', '!=', '>=', '<=', '&&', '||', '>', '<', '!', '+', '-', '*', '/', '%', '(', ')']

function tokenize(source: string, scope: ExpressionScope): Token[] {
  const tokens: Token[] = []
  let index = 0
  while (index < source.length) {
    const rest = source.slice(index)
    const space = /^\s+/.exec(rest)
    if (space) {
      index += space[0].length
      continue
    }
    if (rest.startsWith('${')) {
      const end = rest.indexOf('}')
      if (end === -1) throw new ExpressionError('A ${ is not closed')
      tokens.push({ kind: 'value', value: lookup(rest.slice(2, end), scope) })
      index += end + 1
      continue
    }
    const quoted = /^'([^']*)'|^"([^"]*)"/.exec(rest)
    if (quoted) {
      tokens.push({ kind: 'value', value: quoted[1] ?? quoted[2] })
      index += quoted[0].length
      continue
    }
    const number = /^\d+(\.\d+)?/.exec(rest)
    if (number) {
      tokens.push({ kind: 'value', value: Number(number[0]) })
      index += number[0].length
      continue
    }
    const word = /^(true|false)\b/.exec(rest)
    if (word) {
      tokens.push({ kind: 'value', value: word[0] === 'true' })
      index += word[0].length
      continue
    }
    const op = operators.find((candidate) => rest.startsWith(candidate))
    if (!op) throw new ExpressionError(`Cannot read "${rest.slice(0, 12)}"`)
    tokens.push({ kind: 'op', op })
    index += op.length
  }
  return tokens
}

const toNumber = (value: unknown) => (typeof value === 'number' ? value : Number(value))

/** Evaluates an expression (without its backticks): comparisons, && || !, arithmetic, and text joined by juxtaposition. */
export function evaluate(source: string, scope: ExpressionScope): unknown {
  const tokens = tokenize(source, scope)
  let position = 0
  const peek = () => tokens[position]
  const isOp = (...ops: string[]) => {
    const token = peek()
    return token?.kind === 'op' && ops.includes(token.op)
  }
  const take = () => tokens[position++]

  const binary = (next: () => unknown, ops: string[], apply: (op: string, left: unknown, right: unknown) => unknown) => () => {
    let left = next()
    while (isOp(...ops)) {
      const op = (take() as { op: string }).op
      left = apply(op, left, next())
    }
    return left
  }
  const primary = (): unknown => {
    const token = take()
    if (!token) throw new ExpressionError('The expression ends too soon')
    if (token.kind === 'value') return token.value
    if (token.op === '(') {
      const value = or()
      if (!isOp(')')) throw new ExpressionError('A ( is not closed')
      take()
      return value
    }
    throw new ExpressionError(`Unexpected ${token.op}`)
  }
  // Values side by side are joined as text: `'Hello ' ${form.name}`.
  const joined = (): unknown => {
    let value = primary()
    while (peek()?.kind === 'value' || isOp('(')) value = asText(value) + asText(primary())
    return value
  }
  const unary = (): unknown => {
    if (isOp('!')) {
      take()
      return !unary()
    }
    if (isOp('-')) {
      take()
      return -toNumber(unary())
    }
    return joined()
  }
  const multiplicative = binary(unary, ['*', '/', '%'], (op, a, b) => (op === '*' ? toNumber(a) * toNumber(b) : op === '/' ? toNumber(a) / toNumber(b) : toNumber(a) % toNumber(b)))
  const additive = binary(multiplicative, ['+', '-'], (op, a, b) => (op === '-' ? toNumber(a) - toNumber(b) : typeof a === 'number' && typeof b === 'number' ? a + b : asText(a) + asText(b)))
  const comparison = binary(additive, ['>', '>=', '<', '<='], (op, a, b) => {
    const [x, y] = typeof a === 'string' && typeof b === 'string' ? [a, b] : [toNumber(a), toNumber(b)]
    return op === '>' ? x > y : op === '>=' ? x >= y : op === '<' ? x < y : x <= y
  })
  // Loose as a phone is with what a form holds: "18" == 18.
  // oxlint-disable-next-line eqeqeq
  const equality = binary(comparison, ['==', '!='], (op, a, b) => (op === '==' ? a == b : a != b))
  const and = binary(equality, ['&&'], (_, a, b) => Boolean(a) && Boolean(b))
  const or: () => unknown = binary(and, ['||'], (_, a, b) => Boolean(a) || Boolean(b))

  const value = or()
  if (position < tokens.length) throw new ExpressionError('The expression has more after its end')
  return value
}

/** An If's condition: true or false; an error is said to the caller. */
export function conditionHolds(condition: unknown, scope: ExpressionScope): boolean {
  if (typeof condition === 'boolean') return condition
  if (typeof condition !== 'string') throw new ExpressionError('The condition is not a text')
  const source = condition.startsWith('`') && condition.endsWith('`') ? condition.slice(1, -1) : condition
  return Boolean(evaluate(source, scope))
}
