import { conditionHolds, resolveSafely, resolveText, type ExpressionScope } from './expressions'
import { childrenOf, isObject, type FlowComponent } from './parse-flow'

/** A component is drawn unless its `visible` evaluates to false. */
export const isShown = (component: FlowComponent, scope: ExpressionScope) => component.visible === undefined || resolveSafely(component.visible, scope) !== false

/** The components an If or a Switch draws now, evaluated against the data; a broken condition is said, not thrown. */
export function branchOf(component: FlowComponent, scope: ExpressionScope): { children: FlowComponent[]; problem?: string } {
  if (component.type === 'If') {
    try {
      return { children: childrenOf(conditionHolds(component.condition, scope) ? component.then : component.else) }
    } catch (error) {
      return { children: [], problem: `The condition cannot be evaluated: ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  if (component.type === 'Switch') {
    const value = resolveText(component.value, scope)
    const cases = isObject(component.cases) ? component.cases : {}
    return { children: childrenOf(cases[value] ?? cases.default) }
  }
  return { children: childrenOf(component.children) }
}

/** Every component drawn now, nested ones included, in order. */
export function shownComponents(components: FlowComponent[], scope: ExpressionScope): FlowComponent[] {
  return components.filter((component) => isShown(component, scope)).flatMap((component) => [component, ...shownComponents(branchOf(component, scope).children, scope)])
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined)

function problemOf(component: FlowComponent, value: unknown, scope: ExpressionScope): string | undefined {
  const required = resolveSafely(component.required, scope) === true
  const empty = value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)
  const custom = typeof component['error-message'] === 'string' ? resolveText(component['error-message'], scope) : undefined
  if (empty) return required ? (custom ?? 'Required') : undefined
  if (typeof value === 'string') {
    const min = numberOf(component['min-chars'])
    const max = numberOf(component['max-chars'] ?? component['max-length'])
    if (min !== undefined && value.length < min) return custom ?? `Enter at least ${min} characters`
    if (max !== undefined && value.length > max) return custom ?? `Enter at most ${max} characters`
    if (typeof component.pattern === 'string') {
      try {
        if (!new RegExp(`^(?:${component.pattern})$`).test(value)) return custom ?? 'Not in the expected format'
      } catch {
        return `The pattern ${component.pattern} is not a valid regular expression`
      }
    }
    if (component['input-type'] === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return custom ?? 'Enter a valid email address'
    if (component['input-type'] === 'number' && Number.isNaN(Number(value))) return custom ?? 'Enter a number'
  }
  if (Array.isArray(value)) {
    const min = numberOf(component['min-selected-items'])
    const max = numberOf(component['max-selected-items'])
    if (min !== undefined && value.length < min) return custom ?? `Select at least ${min}`
    if (max !== undefined && value.length > max) return custom ?? `Select at most ${max}`
  }
  return undefined
}

/**
 * The problems a phone reports when the Footer is pressed: `required`, `min-chars`/`max-chars`, `pattern`,
 * `min/max-selected-items`, on the fields drawn now. Keyed by field name.
 */
export function checkFields(components: FlowComponent[], scope: ExpressionScope): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const component of shownComponents(components, scope)) {
    if (typeof component.name !== 'string' || resolveSafely(component.enabled, scope) === false) continue
    const problem = problemOf(component, scope.form[component.name], scope)
    if (problem) problems[component.name] = problem
  }
  return problems
}
