import { useId, useState, type ReactNode } from 'react'
import { CopyButton } from '../copy-button'
import { ErrorFactList, type ErrorFacts } from '../error-details'

/**
 * An error as a notification shows it, in three lines with the title: the code and a one-line reason
 * with `actions` beside it, then the Error ID with its Copy button and "Details", behind which are the
 * `hint`, the request ID and who reported it (open, the reason shows whole). Loaded with the toasts.
 */
export function CompactErrorDetails({ error, copyName, hint, actions }: { error: ErrorFacts; copyName?: string; hint?: string; actions?: ReactNode }) {
  const [open, setOpen] = useState(false)
  const more = useId()
  return (
    <div className="error-details error-details--compact" data-open={open ? '' : undefined}>
      <div className="error-details__line">
        <p className="error-details__reason" title={open ? undefined : error.message}>
          <code className="error-details__code">{String(error.code)}</code> {error.message}
        </p>
        {actions}
      </div>
      <div className="error-details__line">
        <span className="error-details__id">
          Error ID <code className="selectable">{error.errorId}</code>
        </span>
        <CopyButton text={error.errorId} label="Copy" accessibleName={copyName ?? 'Copy error ID'} />
        <button type="button" className="link-button error-details__toggle" aria-expanded={open} aria-controls={more} onClick={() => setOpen((was) => !was)}>
          Details
        </button>
      </div>
      <div id={more} className="error-details__more" hidden={!open}>
        {hint && <p className="toast__hint">{hint}</p>}
        <ErrorFactList error={error} withCode={false} />
      </div>
    </div>
  )
}
