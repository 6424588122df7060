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
 * The facts support needs, shown verbatim, with the errorId one click from the clipboard. `copyName`
 * names the copy button where several are on screen. (A notification shows them compact: toast/compact-error.tsx.)
 */
export function ErrorDetails({ error, copyName }: { error: ErrorFacts; copyName?: string }) {
  return (
    <div className="error-details">
      <p className="error-details__message">{error.message}</p>
      <ErrorFactList error={error} withErrorId />
      <CopyButton text={error.errorId} label="Copy error ID" accessibleName={copyName} />
    </div>
  )
}

/** Who reported the error, its code (unless shown already), request ID and, where asked, its Error ID. */
export function ErrorFactList({ error, withErrorId = false, withCode = true }: { error: ErrorFacts; withErrorId?: boolean; withCode?: boolean }) {
  return (
    <dl className="error-details__facts">
      {withCode && (
        <div>
          <dt>Code</dt>
          <dd>
            <code>{String(error.code)}</code>
          </dd>
        </div>
      )}
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
