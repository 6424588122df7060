import { resolveSafely, resolveText } from '../expressions'
import { imageSource } from '../image-source'
import { isObject, type FlowComponent } from '../parse-flow'
import { usePreview } from '../preview-context'
import { FieldNotes } from './field'
import { useField } from './use-field'

type Option = { id: string; title: string; description?: string; metadata?: string; enabled: boolean; image?: string; alt: string }

/** A `data-source` (an array, or a reference to one in the data) as options. */
function useOptions(component: FlowComponent): Option[] {
  const { scope } = usePreview()
  const source = resolveSafely(component['data-source'], scope)
  if (!Array.isArray(source)) return []
  return source.filter(isObject).map((item) => ({
    id: String(item.id ?? ''),
    title: resolveText(item.title, scope),
    description: item.description === undefined ? undefined : resolveText(item.description, scope),
    metadata: item.metadata === undefined ? undefined : resolveText(item.metadata, scope),
    enabled: item.enabled !== false,
    image: imageSource(item.image),
    alt: typeof item['alt-text'] === 'string' ? item['alt-text'] : '',
  }))
}

function OptionText({ option }: { option: Option }) {
  return (
    <span className="pv-option__text">
      {option.image && <img src={option.image} alt={option.alt} className="pv-option__image" loading="lazy" />}
      <span>
        <span className="pv-option__title">{option.title}</span>
        {option.description && <span className="pv-option__description">{option.description}</span>}
      </span>
      {option.metadata && <span className="pv-option__metadata">{option.metadata}</span>}
    </span>
  )
}

/** After a choice: the component's `on-select-action` (or `on-unselect-action`), with the new value already in the form. */
function useSelectAction(component: FlowComponent) {
  const { act } = usePreview()
  return (name: string, value: unknown, selected: boolean) => {
    const action = selected ? component['on-select-action'] : (component['on-unselect-action'] ?? component['on-select-action'])
    if (action) act(action, { form: { [name]: value } })
  }
}

/** CheckboxGroup and ChipsSelector (many of a list), RadioButtonsGroup (one of a list). */
export function ChoiceGroupComponent({ component }: { component: FlowComponent }) {
  const field = useField(component)
  const options = useOptions(component)
  const afterSelect = useSelectAction(component)
  const many = component.type !== 'RadioButtonsGroup'
  const chosen: string[] = many ? (Array.isArray(field.value) ? field.value.map(String) : []) : typeof field.value === 'string' ? [field.value] : []
  const choose = (id: string, on: boolean) => {
    const value = many ? (on ? [...chosen, id] : chosen.filter((item) => item !== id)) : id
    field.set(value)
    afterSelect(field.name, value, on)
  }
  const chips = component.type === 'ChipsSelector'
  return (
    <fieldset className={`pv-field pv-choices${chips ? ' pv-chips' : ''}`} aria-describedby={field.describedBy} disabled={!field.enabled}>
      <legend>
        {field.label}
        {field.required ? '' : ' (optional)'}
      </legend>
      {field.description && <p className="pv-helper">{field.description}</p>}
      {options.map((option) =>
        chips ? (
          <button key={option.id} type="button" className="pv-chip" aria-pressed={chosen.includes(option.id)} disabled={!option.enabled} onClick={() => choose(option.id, !chosen.includes(option.id))}>
            {option.title}
          </button>
        ) : (
          <label key={option.id} className="pv-option">
            <OptionText option={option} />
            <input
              type={many ? 'checkbox' : 'radio'}
              name={`${field.id}-choice`}
              checked={chosen.includes(option.id)}
              disabled={!option.enabled}
              onChange={(event) => choose(option.id, event.target.checked)}
            />
          </label>
        ),
      )}
      <FieldNotes id={field.id} problem={field.problem} />
    </fieldset>
  )
}

/** Dropdown: one of a list (up to 200). */
export function DropdownComponent({ component }: { component: FlowComponent }) {
  const field = useField(component)
  const options = useOptions(component)
  const afterSelect = useSelectAction(component)
  return (
    <div className="pv-field">
      <label htmlFor={field.id}>
        {field.label}
        {field.required ? '' : ' (optional)'}
      </label>
      <FieldNotes id={field.id} problem={field.problem}>
        <select
          id={field.id}
          value={typeof field.value === 'string' ? field.value : ''}
          disabled={!field.enabled}
          aria-invalid={field.problem ? true : undefined}
          aria-describedby={field.describedBy}
          onChange={(event) => {
            field.set(event.target.value)
            afterSelect(field.name, event.target.value, true)
          }}
        >
          <option value="">Select</option>
          {options.map((option) => (
            <option key={option.id} value={option.id} disabled={!option.enabled}>
              {option.title}
              {option.description ? ` (${option.description})` : ''}
            </option>
          ))}
        </select>
      </FieldNotes>
    </div>
  )
}

/** OptIn: a checkbox with its label, and "Read more" when it has an `on-click-action`. */
export function OptInComponent({ component }: { component: FlowComponent }) {
  const field = useField(component)
  const { act } = usePreview()
  return (
    <div className="pv-field pv-optin">
      <input id={field.id} type="checkbox" checked={field.value === true} disabled={!field.enabled} aria-describedby={field.describedBy} onChange={(event) => field.set(event.target.checked)} />
      <label htmlFor={field.id}>
        {field.label}
        {field.required ? '' : ' (optional)'}
      </label>
      {component['on-click-action'] !== undefined && (
        <button type="button" className="pv-link" onClick={() => act(component['on-click-action'])}>
          Read more
        </button>
      )}
      <FieldNotes id={field.id} problem={field.problem} />
    </div>
  )
}
