import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'

/** Where a value is in the operator's text: offsets, as the editor counts them. */
export type Span = { from: number; to: number }

/** A component as the JSON has it: its `type` and props, read as they are (the renderer checks each). */
export type FlowComponent = { type?: unknown; [prop: string]: unknown }

export type FlowScreen = {
  id: string
  title?: unknown
  terminal?: unknown
  data?: unknown
  layout?: { children?: unknown }
  [prop: string]: unknown
}

export type ParsedFlow = {
  version: string
  screens: FlowScreen[]
  routingModel: Record<string, string[]>
  /** Where each object of the JSON is in the text (components, screens, list items). */
  spanOf: (value: object) => Span | undefined
}

export type ParseResult = { ok: true; flow: ParsedFlow } | { ok: false; reason: string; at?: number }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Builds the values of a parse tree, noting where each object and array is in the text. */
function valueOf(node: Node, spans: WeakMap<object, Span>): unknown {
  const span = { from: node.offset, to: node.offset + node.length }
  if (node.type === 'object') {
    const value: Record<string, unknown> = {}
    for (const property of node.children ?? []) {
      const [key, child] = property.children ?? []
      if (key && child) value[String(key.value)] = valueOf(child, spans)
    }
    spans.set(value, span)
    return value
  }
  if (node.type === 'array') {
    const value = (node.children ?? []).map((child) => valueOf(child, spans))
    spans.set(value, span)
    return value
  }
  return node.value
}

/**
 * The operator's text as a flow a preview can draw: strict JSON (as 8x8 takes it), with `screens`. Every
 * object keeps its place in the text, so a component drawn can point back at its JSON. Parsed once per
 * change of text (the caller waits for a pause in typing).
 */
export function parseFlow(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, reason: 'The JSON is empty.' }
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  if (errors.length > 0 || !tree) {
    const first = errors[0]
    return { ok: false, reason: first ? `The JSON does not parse (${printParseErrorCode(first.error)} at offset ${first.offset}).` : 'The JSON does not parse.', at: first?.offset }
  }
  const spans = new WeakMap<object, Span>()
  const root = valueOf(tree, spans)
  if (!isObject(root)) return { ok: false, reason: 'A flow is a JSON object with "version" and "screens".' }
  const screens = Array.isArray(root.screens) ? root.screens.filter((screen): screen is FlowScreen => isObject(screen) && typeof screen.id === 'string') : []
  if (screens.length === 0) return { ok: false, reason: 'The flow has no screens with an "id" to show.' }
  const routingModel: Record<string, string[]> = {}
  if (isObject(root.routing_model)) {
    for (const [from, to] of Object.entries(root.routing_model)) if (Array.isArray(to)) routingModel[from] = to.filter((name): name is string => typeof name === 'string')
  }
  return { ok: true, flow: { version: typeof root.version === 'string' ? root.version : '', screens, routingModel, spanOf: (value) => spans.get(value) } }
}

/** The components a screen lays out (its layout's children, or a Form's). */
export function childrenOf(value: unknown): FlowComponent[] {
  return Array.isArray(value) ? value.filter(isObject) : []
}

/** Every component of a screen, nested ones too (Form, If, Switch), with how deep each is. */
export function allComponents(screen: FlowScreen): { component: FlowComponent; depth: number }[] {
  const found: { component: FlowComponent; depth: number }[] = []
  const visit = (components: FlowComponent[], depth: number) => {
    for (const component of components) {
      found.push({ component, depth })
      visit(childrenOf(component.children), depth + 1)
      visit(childrenOf(component.then), depth + 1)
      visit(childrenOf(component.else), depth + 1)
      if (isObject(component.cases)) for (const branch of Object.values(component.cases)) visit(childrenOf(branch), depth + 1)
    }
  }
  visit(childrenOf(screen.layout?.children), 0)
  return found
}

/** The innermost component (and its screen) whose JSON holds `offset`: where the editor's cursor is. */
export function componentAt(flow: ParsedFlow, offset: number): { screenId: string; component?: FlowComponent } | undefined {
  for (const screen of flow.screens) {
    const span = flow.spanOf(screen)
    if (!span || offset < span.from || offset > span.to) continue
    let best: FlowComponent | undefined
    let bestLength = Infinity
    for (const { component } of allComponents(screen)) {
      const at = flow.spanOf(component)
      if (at && offset >= at.from && offset <= at.to && at.to - at.from < bestLength) {
        best = component
        bestLength = at.to - at.from
      }
    }
    return { screenId: screen.id, component: best }
  }
  return undefined
}

export { isObject }
