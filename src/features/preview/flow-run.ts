import { resolveSafely, type ExpressionScope, type Values } from './expressions'
import { allComponents, childrenOf, isObject, type FlowScreen, type ParsedFlow } from './parse-flow'

/** A screen on the way: the payload that led to it and what update_data changed since. */
export type Visit = { screenId: string; payload: Values; updates: Values }

/** How a run ended, or what it stopped to show: shown over the screen. */
export type Outcome =
  | { kind: 'complete'; payload: unknown }
  | { kind: 'data_exchange'; payload: unknown; nextScreenId?: string }
  | { kind: 'open_url'; url: string }
  | { kind: 'closed' }
  | { kind: 'problem'; message: string }

export type RunState = {
  stack: Visit[]
  /** What was entered, by screen and field name (init values are not kept here: they follow the JSON). */
  entered: Record<string, Values>
  /** The current screen's field problems, found when its Footer was pressed. */
  problems: Record<string, string>
  outcome?: Outcome
}

export type RunAction =
  | { type: 'navigate'; screenId: string; payload: Values }
  | { type: 'back' }
  | { type: 'update_data'; payload: Values }
  | { type: 'set'; name: string; value: unknown }
  | { type: 'problems'; problems: Record<string, string> }
  | { type: 'outcome'; outcome: Outcome | undefined }
  | { type: 'restart'; screenId: string }
  | { type: 'jump'; screenId: string }

export const startAt = (screenId: string): RunState => ({ stack: [{ screenId, payload: {}, updates: {} }], entered: {}, problems: {} })

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'navigate':
      return { ...state, stack: [...state.stack, { screenId: action.screenId, payload: action.payload, updates: {} }], problems: {}, outcome: undefined }
    case 'back':
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1), problems: {}, outcome: undefined } : state
    case 'update_data': {
      const top = state.stack.at(-1)!
      return { ...state, stack: [...state.stack.slice(0, -1), { ...top, updates: { ...top.updates, ...action.payload } }] }
    }
    case 'set': {
      const screenId = state.stack.at(-1)!.screenId
      const { [action.name]: _solved, ...problems } = state.problems
      return { ...state, entered: { ...state.entered, [screenId]: { ...state.entered[screenId], [action.name]: action.value } }, problems }
    }
    case 'problems':
      return { ...state, problems: action.problems }
    case 'outcome':
      return { ...state, outcome: action.outcome }
    case 'restart':
      return startAt(action.screenId)
    case 'jump': {
      // Already shown: nothing changes (a component picked on the screen must not drop its response).
      if (state.stack.at(-1)!.screenId === action.screenId) return state
      // Back to it when it is on the way already (what was entered is kept), else on top of the way.
      const at = state.stack.findIndex((visit) => visit.screenId === action.screenId)
      const stack = at === -1 ? [...state.stack, { screenId: action.screenId, payload: {}, updates: {} }] : state.stack.slice(0, at + 1)
      return { ...state, stack, problems: {}, outcome: undefined }
    }
  }
}

/** The key of a data field's example value in Flow JSON. */
const exampleKey = '__example__'

/** A screen's data as a preview has it: each field's example. */
export function examplesOf(screen: FlowScreen): Values {
  if (!isObject(screen.data)) return {}
  return Object.fromEntries(Object.entries(screen.data).filter(([, field]) => isObject(field) && exampleKey in field).map(([key, field]) => [key, (field as Values)[exampleKey]]))
}

/** The values fields start with: each one's `init-value`, and a Form's `init-values`. */
export function initValuesOf(screen: FlowScreen): Values {
  const values: Values = {}
  for (const { component } of allComponents(screen)) {
    if (component.type === 'Form' && isObject(component['init-values'])) Object.assign(values, component['init-values'])
    if (typeof component.name === 'string' && component['init-value'] !== undefined) values[component.name] = component['init-value']
  }
  return values
}

export const screenById = (flow: ParsedFlow, screenId: string) => flow.screens.find((screen) => screen.id === screenId)

/**
 * What `${…}` reads on the current screen: its data (examples, then the payload that led here, then
 * update_data's changes), its form (init values, then what was entered), and the screens before it.
 */
export function scopeOf(flow: ParsedFlow, state: RunState): ExpressionScope {
  const screens: ExpressionScope['screens'] = {}
  let current: ExpressionScope = { data: {}, form: {}, screens }
  for (const visit of state.stack) {
    const screen = screenById(flow, visit.screenId)
    if (!screen) continue
    const rawData = { ...examplesOf(screen), ...visit.payload, ...visit.updates }
    const scope: ExpressionScope = { data: rawData, form: { ...resolveInit(screen, rawData, screens), ...state.entered[visit.screenId] }, screens }
    screens[visit.screenId] = { data: scope.data, form: scope.form }
    current = scope
  }
  return current
}

function resolveInit(screen: FlowScreen, data: Values, screens: ExpressionScope['screens']): Values {
  const init = initValuesOf(screen)
  return resolveSafely(init, { data, form: {}, screens }) as Values
}

/** The screen a data_exchange would most likely lead to: the routing model's first, else the next in the JSON. */
export function nextScreenAfter(flow: ParsedFlow, screenId: string): string | undefined {
  const routed = flow.routingModel[screenId]?.[0]
  if (routed && screenById(flow, routed)) return routed
  const index = flow.screens.findIndex((screen) => screen.id === screenId)
  return flow.screens[index + 1]?.id
}

/** Components of a screen in their order (the layout's children), for a renderer to start from. */
export const layoutOf = (screen: FlowScreen) => childrenOf(screen.layout?.children)
