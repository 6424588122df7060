import type { Flow } from '../../shared/flow'

/** How a flow is named to the operator: its name, or its id when 8x8 gave it none. */
export function flowLabel(flow: Pick<Flow, 'id' | 'name'>): string {
  return flow.name === '' ? `flow ${flow.id}` : flow.name
}
