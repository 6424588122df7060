import type { FlowComponent } from '../parse-flow'
import { FieldNotes } from './field'
import { useField } from './use-field'

const inputTypes: Record<string, { type: string; inputMode?: 'numeric' | 'email' | 'tel' | 'decimal' }> = {
  text: { type: 'text' },
  number: { type: 'text', inputMode: 'decimal' },
  email: { type: 'email', inputMode: 'email' },
  password: { type: 'password' },
  passcode: { type: 'password', inputMode: 'numeric' },
  phone: { type: 'tel', inputMode: 'tel' },
}

const textOf = (value: unknown) => (value === undefined || value === null ? '' : String(value))

/** TextInput (each `input-type`) and TextArea: fillable, checked when the Footer is pressed. */
export function InputComponent({ component }: { component: FlowComponent }) {
  const field = useField(component)
  const label = `${field.label}${field.required ? '' : ' (optional)'}`
  if (component.type === 'TextArea') {
    return (
      <div className="pv-field">
        <label htmlFor={field.id}>{label}</label>
        <FieldNotes id={field.id} helper={field.helper} problem={field.problem}>
          <textarea id={field.id} value={textOf(field.value)} disabled={!field.enabled} aria-invalid={field.problem ? true : undefined} aria-describedby={field.describedBy} rows={3} onChange={(event) => field.set(event.target.value)} />
        </FieldNotes>
      </div>
    )
  }
  const kind = inputTypes[String(component['input-type'] ?? 'text')] ?? inputTypes.text
  return (
    <div className="pv-field">
      <label htmlFor={field.id}>{label}</label>
      <FieldNotes id={field.id} helper={field.helper} problem={field.problem}>
        <input
          id={field.id}
          type={kind.type}
          inputMode={kind.inputMode}
          value={textOf(field.value)}
          disabled={!field.enabled}
          aria-invalid={field.problem ? true : undefined}
          aria-describedby={field.describedBy}
          onChange={(event) => field.set(event.target.value)}
        />
      </FieldNotes>
    </div>
  )
}

const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined)

/** DatePicker, and CalendarPicker in `single` or `range` mode (a range is two dates: start and end). */
export function DateComponent({ component }: { component: FlowComponent }) {
  const field = useField(component)
  const bounds = { min: day(component['min-date']), max: day(component['max-date']) }
  const unavailable = Array.isArray(component['unavailable-dates']) ? component['unavailable-dates'].filter((date) => typeof date === 'string') : []
  const helper = [field.helper, unavailable.length > 0 ? `Not available: ${unavailable.join(', ')}` : ''].filter(Boolean).join(' · ')
  if (component.type === 'CalendarPicker' && component.mode === 'range') {
    const range = (typeof field.value === 'object' && field.value !== null ? field.value : {}) as Record<string, unknown>
    const label = typeof component.label === 'object' && component.label !== null ? (component.label as Record<string, unknown>) : {}
    const part = (key: 'start-date' | 'end-date', fallback: string) => (
      <label className="pv-range__part">
        {typeof label[key] === 'string' ? label[key] : fallback}
        <input type="date" {...bounds} value={textOf(range[key])} disabled={!field.enabled} aria-describedby={field.describedBy} onChange={(event) => field.set({ ...range, [key]: event.target.value })} />
      </label>
    )
    return (
      <fieldset className="pv-field pv-range">
        <legend>{typeof component.title === 'string' ? component.title : 'Dates'}</legend>
        {part('start-date', 'Start date')}
        {part('end-date', 'End date')}
        <FieldNotes id={field.id} helper={helper} problem={field.problem} />
      </fieldset>
    )
  }
  return (
    <div className="pv-field">
      <label htmlFor={field.id}>{field.label || 'Date'}</label>
      <FieldNotes id={field.id} helper={helper} problem={field.problem}>
        <input id={field.id} type="date" {...bounds} value={textOf(field.value)} disabled={!field.enabled} aria-invalid={field.problem ? true : undefined} aria-describedby={field.describedBy} onChange={(event) => field.set(event.target.value)} />
      </FieldNotes>
    </div>
  )
}
