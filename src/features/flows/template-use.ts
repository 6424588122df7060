import type { FlowTemplate, FlowTemplateList } from '../../shared/deleted-flows'
import { isDeletable, type Flow } from '../../shared/flow'

/** Which templates launch each flow, by flow ID. */
export type TemplateUse = ReadonlyMap<string, readonly FlowTemplate[]>

export const noTemplateUse: TemplateUse = new Map()

export function templatesByFlow(list: FlowTemplateList | undefined): TemplateUse {
  if (!list) return noTemplateUse
  const byFlow = new Map<string, FlowTemplate[]>()
  for (const template of list.templates) {
    for (const flowId of template.flowIds) byFlow.set(flowId, [...(byFlow.get(flowId) ?? []), template])
  }
  return byFlow
}

export const templateLabel = (template: FlowTemplate) => `${template.name} (${template.language})`

/** "Used by template order_status (en_US)", or "… +2 more" when there are several. */
export function usedByText(templates: readonly FlowTemplate[]): string {
  const [first, ...others] = templates
  return `Used by template ${templateLabel(first)}${others.length > 0 ? ` +${others.length} more` : ''}`
}

/** A draft that no template uses: 8x8 refuses to delete the others. */
export function canDelete(flow: Pick<Flow, 'status'>, templates: readonly FlowTemplate[] | undefined): boolean {
  return isDeletable(flow) && (templates?.length ?? 0) === 0
}
