import { flowCategories, flowEditLimits } from '../../shared/flow-edit'
import type { EditorFields } from './local-draft'
import type { FieldProblems } from './field-problems'

/** SIGN_UP → Sign up. */
const categoryLabel = (category: string) => category.charAt(0) + category.slice(1).toLowerCase().replaceAll('_', ' ')

type FlowFieldsProps = {
  fields: EditorFields
  problems: FieldProblems
  /** Problems are shown once the operator tried to send. */
  showProblems: boolean
  readOnly: boolean
  onChange: (fields: EditorFields) => void
}

function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <span id={id} className="field__problem">
      {text}
    </span>
  ) : null
}

/** Name, categories and endpoint: stacked on a phone, side by side on a wide screen. */
export function FlowFields({ fields, problems, showProblems, readOnly, onChange }: FlowFieldsProps) {
  const shown = showProblems ? problems : {}
  return (
    <div className="editor-fields">
      <div className="field">
        <label htmlFor="flow-name">Name</label>
        <input
          id="flow-name"
          className="input"
          required
          maxLength={flowEditLimits.nameLength}
          value={fields.name}
          readOnly={readOnly}
          aria-invalid={shown.name !== undefined}
          aria-describedby={shown.name ? 'flow-name-problem' : undefined}
          onChange={(event) => onChange({ ...fields, name: event.target.value })}
        />
        <Problem id="flow-name-problem" text={shown.name} />
      </div>
      <fieldset className="field editor-fields__categories" aria-describedby={shown.categories ? 'flow-categories-problem' : undefined} disabled={readOnly}>
        <legend>Categories</legend>
        <div className="editor-fields__checks">
          {flowCategories.map((category) => (
            <label key={category} className="check">
              <input
                type="checkbox"
                checked={fields.categories.includes(category)}
                onChange={(event) =>
                  onChange({ ...fields, categories: event.target.checked ? flowCategories.filter((c) => c === category || fields.categories.includes(c)) : fields.categories.filter((c) => c !== category) })
                }
              />
              {categoryLabel(category)}
            </label>
          ))}
        </div>
        <Problem id="flow-categories-problem" text={shown.categories} />
      </fieldset>
      <div className="field">
        <label htmlFor="flow-endpoint">
          Endpoint URL <span className="muted">(optional)</span>
        </label>
        <input
          id="flow-endpoint"
          className="input"
          type="url"
          inputMode="url"
          placeholder="https://"
          maxLength={flowEditLimits.endpointLength}
          value={fields.endPointUri}
          readOnly={readOnly}
          aria-invalid={shown.endPointUri !== undefined}
          aria-describedby={shown.endPointUri ? 'flow-endpoint-problem' : undefined}
          onChange={(event) => onChange({ ...fields, endPointUri: event.target.value })}
        />
        <Problem id="flow-endpoint-problem" text={shown.endPointUri} />
      </div>
    </div>
  )
}
