import { useCallback, useEffect, useMemo, useReducer } from 'react'
import { resolveSafely, type Values } from './expressions'
import { checkFields } from './field-checks'
import { isObject, type ParsedFlow } from './parse-flow'
import { layoutOf, nextScreenAfter, runReducer, scopeOf, screenById, startAt } from './flow-run'

/**
 * A flow being walked through as a customer would: the screen on top, what was entered, and the actions
 * its components run. Follows the JSON as it changes (examples, init values and screens are read from the
 * flow each time); a screen that is gone starts the run over.
 */
export function useFlowRun(flow: ParsedFlow) {
  const firstId = flow.screens[0].id
  const [state, dispatch] = useReducer(runReducer, firstId, startAt)
  const top = state.stack.at(-1)!
  const screen = screenById(flow, top.screenId)
  useEffect(() => {
    if (!screen) dispatch({ type: 'restart', screenId: firstId })
  }, [screen, firstId])
  const scope = useMemo(() => scopeOf(flow, state), [flow, state])
  const current = screen ?? flow.screens[0]

  const act = useCallback(
    (action: unknown, options: { footer?: boolean; form?: Values } = {}) => {
      if (!isObject(action)) return
      const actionScope = options.form ? { ...scope, form: { ...scope.form, ...options.form } } : scope
      if (options.footer && action.name !== 'update_data') {
        const problems = checkFields(layoutOf(current), actionScope)
        dispatch({ type: 'problems', problems })
        if (Object.keys(problems).length > 0) return
      }
      const payload = (resolveSafely(isObject(action.payload) ? action.payload : {}, actionScope) ?? {}) as Values
      switch (action.name) {
        case 'navigate': {
          const next = isObject(action.next) ? String(action.next.name ?? '') : ''
          if (screenById(flow, next)) dispatch({ type: 'navigate', screenId: next, payload })
          else dispatch({ type: 'outcome', outcome: { kind: 'problem', message: `navigate goes to “${next}”, a screen this flow does not have.` } })
          return
        }
        case 'complete':
          dispatch({ type: 'outcome', outcome: { kind: 'complete', payload } })
          return
        case 'data_exchange':
          dispatch({ type: 'outcome', outcome: { kind: 'data_exchange', payload, nextScreenId: nextScreenAfter(flow, current.id) } })
          return
        case 'update_data':
          dispatch({ type: 'update_data', payload })
          return
        case 'open_url':
          dispatch({ type: 'outcome', outcome: { kind: 'open_url', url: String(resolveSafely(action.url, actionScope) ?? '') } })
          return
        default:
          dispatch({ type: 'outcome', outcome: { kind: 'problem', message: `“${String(action.name)}” is not an action this preview knows.` } })
      }
    },
    [flow, scope, current],
  )

  return {
    state,
    screen: current,
    scope,
    act,
    setValue: useCallback((name: string, value: unknown) => dispatch({ type: 'set', name, value }), []),
    back: () => dispatch({ type: 'back' }),
    restart: () => dispatch({ type: 'restart', screenId: firstId }),
    jump: useCallback((screenId: string) => dispatch({ type: 'jump', screenId }), []),
    close: () => dispatch({ type: 'outcome', outcome: { kind: 'closed' } }),
    dismiss: () => dispatch({ type: 'outcome', outcome: undefined }),
    /** After a data_exchange: on to the screen the endpoint would most likely answer, with its examples. */
    goOn: (screenId: string) => dispatch({ type: 'navigate', screenId, payload: {} }),
  }
}
