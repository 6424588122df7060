import { resolveText } from '../expressions'
import type { FlowComponent } from '../parse-flow'
import { usePreview } from '../preview-context'

/** A field's id, its helper text and its problem (from the Footer's check), wired for screen readers. */
export function useField(component: FlowComponent) {
  const { scope, problems, idPrefix, setValue } = usePreview()
  const name = typeof component.name === 'string' ? component.name : ''
  const id = `${idPrefix}-${name || 'field'}`
  return {
    id,
    name,
    value: scope.form[name],
    set: (value: unknown) => name && setValue(name, value),
    label: resolveText(component.label, scope),
    helper: component['helper-text'] === undefined ? '' : resolveText(component['helper-text'], scope),
    description: component.description === undefined ? '' : resolveText(component.description, scope),
    problem: problems[name],
    describedBy: `${id}-help ${id}-problem`,
    required: component.required === true,
    enabled: component.enabled !== false,
  }
}
