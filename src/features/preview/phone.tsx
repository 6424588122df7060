import { useEffect, useId, useMemo } from 'react'
import { Components, Item } from './components/render-component'
import { FooterComponent } from './components/navigation-components'
import { resolveText } from './expressions'
import { shownComponents } from './field-checks'
import { layoutOf } from './flow-run'
import { OutcomePanel } from './outcome-panel'
import { componentAt, type FlowComponent, type ParsedFlow, type Span } from './parse-flow'
import { PreviewContext, type Finding, type PreviewContextValue } from './preview-context'
import { useFlowRun } from './use-flow-run'
import './preview.css'

export type PhoneProps = {
  flow: ParsedFlow
  /** The phone's name for screen readers ("Preview", "Version 3"). */
  label: string
  findings?: Finding[]
  /** The editor's cursor: the component it is in is highlighted, and its screen shown. */
  cursor?: number
  onPick?: (span: Span) => void
  onFinding?: (finding: Finding) => void
  /** Screens to mark in the picker ("changed", "added"), by id. */
  marks?: Record<string, string>
  /** A screen to show, chosen outside the phone (a comparison's shared picker). */
  showScreen?: string
}

const noFindings: Finding[] = []

/** The findings that fall in a component, by component; those in no component are the screen's. */
function placeFindings(flow: ParsedFlow, findings: Finding[]) {
  const byComponent = new Map<FlowComponent, Finding[]>()
  const byScreen = new Map<string, Finding[]>()
  for (const finding of findings) {
    const at = componentAt(flow, finding.from)
    if (at?.component) byComponent.set(at.component, [...(byComponent.get(at.component) ?? []), finding])
    else if (at) byScreen.set(at.screenId, [...(byScreen.get(at.screenId) ?? []), finding])
  }
  return { byComponent, byScreen }
}

/**
 * A phone drawing one flow as WhatsApp does: the screen's title bar with Close (or Back), its components,
 * the Footer pinned at the bottom. It runs: fields fill, actions navigate, update data, complete. Screens
 * and Restart above it.
 */
export function Phone({ flow, label, findings = noFindings, cursor, onPick, onFinding, marks, showScreen }: PhoneProps) {
  const idPrefix = useId()
  const run = useFlowRun(flow)
  const placed = useMemo(() => placeFindings(flow, findings), [flow, findings])
  const target = useMemo(() => (cursor === undefined ? undefined : componentAt(flow, cursor)), [flow, cursor])
  const targetScreen = showScreen ?? target?.screenId
  const { jump } = run
  useEffect(() => {
    if (targetScreen) jump(targetScreen)
  }, [targetScreen, jump])

  const context: PreviewContextValue = {
    scope: run.scope,
    problems: run.state.problems,
    setValue: run.setValue,
    act: run.act,
    spanOf: flow.spanOf,
    selected: target?.component,
    findings: placed.byComponent,
    onPick,
    onFinding,
    idPrefix,
  }
  const layout = layoutOf(run.screen)
  const footer = shownComponents(layout, run.scope).find((component) => component.type === 'Footer')
  const screenFindings = placed.byScreen.get(run.screen.id) ?? []
  const title = resolveText(run.screen.title, run.scope) || run.screen.id

  return (
    <PreviewContext.Provider value={context}>
      <section className="pv" aria-label={label}>
        <div className="pv-tools">
          <label className="pv-tools__screens">
            Screen
            <select value={run.screen.id} onChange={(event) => run.jump(event.target.value)}>
              {flow.screens.map((screen) => (
                <option key={screen.id} value={screen.id}>
                  {screen.id}
                  {marks?.[screen.id] ? ` (${marks[screen.id]})` : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--small button--quiet" onClick={run.restart}>
            Restart
          </button>
        </div>
        <div className="pv-phone">
          <div className="pv-bar">
            {run.state.stack.length > 1 ? (
              <button type="button" className="pv-bar__control" aria-label="Back" onClick={run.back}>
                ←
              </button>
            ) : (
              <button type="button" className="pv-bar__control" aria-label="Close" onClick={run.close}>
                ×
              </button>
            )}
            <h3 className="pv-bar__title">{title}</h3>
          </div>
          <div className="pv-body">
            {screenFindings.map((finding) => (
              <button key={`${finding.from}-${finding.message}`} type="button" className="pv-finding" onClick={() => onFinding?.(finding)}>
                {finding.source}: {finding.message}
              </button>
            ))}
            <Components components={layout} />
          </div>
          {footer && (
            <div className="pv-footer-area">
              <Item component={footer}>
                <FooterComponent component={footer} />
              </Item>
            </div>
          )}
          {run.state.outcome && <OutcomePanel outcome={run.state.outcome} onRestart={run.restart} onDismiss={run.dismiss} onGoOn={run.goOn} />}
        </div>
      </section>
    </PreviewContext.Provider>
  )
}
