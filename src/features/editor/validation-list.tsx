import type { PlacedError } from './error-ranges'

type ValidationListProps = {
  /** Meta's findings of the last save (null: nothing saved or read yet). */
  meta: PlacedError[] | null
  /** This console's checks of the text as it is now (JSON that does not parse: `JSON_SYNTAX`). */
  local: PlacedError[]
  /** A click on an entry: Meta's (by its index) or this browser's. */
  onGoTo: (error: PlacedError, metaIndex?: number) => void
}

function Entries({ errors, onGoTo }: { errors: PlacedError[]; onGoTo: (error: PlacedError, index: number) => void }) {
  return (
    <ol className="validation-list">
      {errors.map((error, index) => (
        // oxlint-disable-next-line react/no-array-index-key -- findings have no identity beyond their place in the list
        <li key={index}>
          <button type="button" className="validation-list__entry" onClick={() => onGoTo(error, index)}>
            <span>
              Line {error.line}, column {error.column}: {error.message || error.error}
            </span>
            <span className="small muted">
              {[error.errorType, error.error].filter(Boolean).join(' · ')}
              {error.paths[0] && (
                <>
                  {' · '}
                  <code>{error.paths[0]}</code>
                </>
              )}
            </span>
          </button>
        </li>
      ))}
    </ol>
  )
}

/**
 * Under the editor: Meta's errors of the last save, then this console's warnings. Each entry is a
 * button: a click (or Enter) puts the cursor at its place in the editor.
 */
export function ValidationList({ meta, local, onGoTo }: ValidationListProps) {
  return (
    <section className="validation" aria-labelledby="validation-heading">
      <h2 id="validation-heading" className="validation__heading">
        Validation errors
      </h2>
      {meta === null ? (
        <p className="small muted">Meta checks the JSON when the draft is saved; its errors show here and in the editor.</p>
      ) : meta.length === 0 ? (
        <p className="small">Meta found no errors in the last saved JSON.</p>
      ) : (
        <>
          <p className="small">
            Meta found {meta.length} {meta.length === 1 ? 'error' : 'errors'} in the last saved JSON. The draft cannot be published until they are fixed.
          </p>
          <Entries errors={meta} onGoTo={onGoTo} />
        </>
      )}
      {local.length > 0 && (
        <>
          <h3 className="validation__subheading">Checked in this browser ({local.length})</h3>
          <p className="small muted">
            {local.some((error) => error.error === 'JSON_SYNTAX') ? 'The JSON must parse before it can be saved.' : 'Warnings only: Meta decides when the draft is saved.'}
          </p>
          <Entries errors={local} onGoTo={(error) => onGoTo(error)} />
        </>
      )}
    </section>
  )
}
