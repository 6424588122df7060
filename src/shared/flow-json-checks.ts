import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'
import type { FlowValidationError } from './flow'

/**
 * Checks of a WhatsApp Flow JSON text, with the place of each finding as Meta gives it: 1-based lines and
 * columns into the text (the end column just after the last character) and a path such as
 * `screens[0].layout.children[1].type`. The sandbox answers saves with them, as Meta would; the editor
 * runs them as you type, as warnings (Meta decides). Not Meta's whole rulebook: the rules operators
 * trip over most.
 */

/** Flow JSON versions Meta still lets you publish (Meta's changelog, November 2025); 7.3 is recommended. */
export const publishableVersions = ['5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3']
export const recommendedVersion = '7.3'

const componentTypes = new Set([
  'TextHeading', 'TextSubheading', 'TextBody', 'TextCaption', 'RichText', 'TextInput', 'TextArea', 'Dropdown', 'RadioButtonsGroup',
  'CheckboxGroup', 'ChipsSelector', 'Footer', 'OptIn', 'EmbeddedLink', 'DatePicker', 'CalendarPicker', 'Image', 'ImageCarousel',
  'If', 'Switch', 'NavigationList', 'PhotoPicker', 'DocumentPicker', 'Form',
])

export type JsonPath = (string | number)[]

/** `screens[0].layout.children[1].type` → ['screens', 0, 'layout', 'children', 1, 'type']. */
export function parseJsonPath(path: string): JsonPath {
  const segments: JsonPath = []
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] === undefined ? match[1] : Number(match[2]))
  return segments
}

export function formatJsonPath(path: JsonPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('')
}

/** 1-based line and column of an offset in the text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }
  return { line, column: offset - lineStart + 1 }
}

function finding(text: string, error: string, message: string, offset: number, length: number, path: JsonPath): FlowValidationError {
  const start = positionOf(text, offset)
  const end = positionOf(text, offset + length)
  return {
    error,
    errorType: error === 'INVALID_JSON' ? 'JSON_SYNTAX_ERROR' : 'FLOW_JSON_ERROR',
    message,
    lineStart: start.line,
    columnStart: start.column,
    lineEnd: end.line,
    columnEnd: end.column,
    paths: path.length > 0 ? [formatJsonPath(path)] : [],
  }
}

/** The node a path names in a parsed tree, if any. */
export function nodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  return root === undefined ? undefined : findNodeAtLocation(root, path)
}

export function checkFlowJson(text: string): FlowValidationError[] {
  const syntax: ParseError[] = []
  const root = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false })
  if (syntax.length > 0 || root === undefined) {
    const first = syntax[0] ?? { error: 0, offset: 0, length: text.length }
    return [finding(text, 'INVALID_JSON', `The flow JSON is not valid JSON: ${printParseErrorCode(first.error)}`, first.offset, first.length, [])]
  }
  if (root.type !== 'object') return [finding(text, 'INVALID_JSON', 'The flow JSON must be an object', root.offset, root.length, [])]
  const errors: FlowValidationError[] = []
  const at = (node: Node, path: JsonPath, error: string, message: string) => errors.push(finding(text, error, message, node.offset, node.length, path))

  const version = nodeAt(root, ['version'])
  if (version === undefined) at(root, [], 'MISSING_REQUIRED_PROPERTY', "Missing required property 'version'.")
  else if (!publishableVersions.includes(String(getNodeValue(version)))) {
    at(version, ['version'], 'INVALID_VERSION', `Flow JSON version ${JSON.stringify(getNodeValue(version))} can no longer be published: use ${recommendedVersion}.`)
  }

  const screens = nodeAt(root, ['screens'])
  if (screens?.type !== 'array' || !screens.children?.length) {
    at(screens ?? root, screens ? ['screens'] : [], 'MISSING_REQUIRED_PROPERTY', "The flow needs a 'screens' array with at least one screen.")
    return errors
  }
  const ids = new Map<string, number>()
  for (const [index, screen] of screens.children.entries()) {
    const id = nodeAt(screen, ['id'])
    if (id?.type !== 'string') continue
    const value = getNodeValue(id) as string
    if (ids.has(value)) at(id, ['screens', index, 'id'], 'DUPLICATE_SCREEN_ID', `Screen ID '${value}' is used by screens ${ids.get(value)} and ${index}.`)
    else ids.set(value, index)
  }
  const isTerminal = (screen: Node) => {
    const terminal = nodeAt(screen, ['terminal'])
    return terminal !== undefined && getNodeValue(terminal) === true
  }
  if (!screens.children.some(isTerminal)) {
    at(screens, ['screens'], 'MISSING_TERMINAL_SCREEN', 'At least one screen must be terminal ("terminal": true).')
  }
  for (const [index, screen] of screens.children.entries()) walk(screen, ['screens', index])

  function walk(node: Node, path: JsonPath) {
    if (node.type === 'array') node.children?.forEach((child, index) => walk(child, [...path, index]))
    if (node.type !== 'object') return
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? []
      if (key === undefined || value === undefined) continue
      const name = String(key.value)
      // A component: an element of a `children` array (or of an If's `then` and `else`).
      const isComponent = typeof path.at(-1) === 'number' && ['children', 'then', 'else'].includes(String(path.at(-2)))
      if (name === 'type' && isComponent && value.type === 'string' && !componentTypes.has(String(value.value))) {
        at(value, [...path, name], 'INVALID_PROPERTY_VALUE', `Invalid value found for property 'type': '${String(value.value)}' is not a component.`)
      }
      if (name === 'next' && value.type === 'object') {
        const target = nodeAt(value, ['name'])
        if (target?.type === 'string' && !ids.has(String(target.value))) {
          at(target, [...path, 'next', 'name'], 'INVALID_SCREEN_ROUTE', `The navigate action goes to screen '${String(target.value)}', which does not exist.`)
        }
      }
      walk(value, [...path, name])
    }
  }
  return errors
}
