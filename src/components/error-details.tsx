import type { ReactNode } from 'react'
import type { ApiError, ErrorSource } from '../api/api-error'
import { CopyButton } from './copy-button'

const reportedBy: Record<ErrorSource, string> = {
  upstream: '8x8',
  proxy: 'Flows Admin server',
  network: 'This browser (no answer from the Flows Admin server)',
}

/** What is shown of an error: an ApiError, or one kept in Recent errors. */
export type ErrorFacts = Pick<ApiError, 'message' | 'code' | 'errorId' | 'requestId' | 'source'>

/**
 * The facts support needs, shown verbatim, with the errorId one click from the clipboard.
 * `copyName` names the copy button where several are on screen. `compact` (a notification): one line
 * with the Error ID, its Copy button and `actions`; the `hint`, the message and the rest behind "Show details".
 */
export function ErrorDetails({
  error,
  copyName,
  compact = false,
  hint,
  actions,
}: {
  error: ErrorFacts
  copyName?: string
  compact?: boolean
  hint?: string
  actions?: ReactNode
}) {
  if (compact) {
    return (
      <div className="error-details error-details--compact">
        <span className="error-details__id">
          Error ID <code className="selectable">{error.errorId}</code>
        </span>
        <CopyButton text={error.errorId} label="Copy error ID" accessibleName={copyName} />
        {actions}
        <details className="error-details__more">
          <summary>Show details</summary>
          {hint && <p className="toast__hint">{hint}</p>}
          <p className="error-details__message">{error.message}</p>
          <Facts error={error} />
        </details>
      </div>
    )
  }
  return (
    <div className="error-details">
      <p className="error-details__message">{error.message}</p>
      <Facts error={error} withErrorId />
      <CopyButton text={error.errorId} label="Copy error ID" accessibleName={copyName} />
    </div>
  )
}

function Facts({ error, withErrorId = false }: { error: ErrorFacts; withErrorId?: boolean }) {
  return (
      <dl className="error-details__facts">
        <div>
          <dt>Code</dt>
          <dd>
            <code>{String(error.code)}</code>
          </dd>
        </div>
        {withErrorId && (
          <div>
            <dt>Error ID</dt>
            <dd>
              <code className="selectable">{error.errorId}</code>
            </dd>
          </div>
        )}
        {error.requestId && (
          <div>
            <dt>Request ID</dt>
            <dd>
              <code className="selectable">{error.requestId}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>Reported by</dt>
          <dd>{reportedBy[error.source] ?? error.source}</dd>
        </div>
      </dl>
  )
}
