import type { ApiError, ErrorSource } from '../api/api-error'
import { CopyButton } from './copy-button'

const reportedBy: Record<ErrorSource, string> = {
  upstream: '8x8',
  proxy: 'Flows Admin server',
  network: 'This browser (no answer from the Flows Admin server)',
}

/** The facts support needs, shown verbatim, with the errorId one click from the clipboard. */
export function ErrorDetails({ error }: { error: ApiError }) {
  return (
    <div className="error-details">
      <p className="error-details__message">{error.message}</p>
      <dl className="error-details__facts">
        <div>
          <dt>Code</dt>
          <dd>
            <code>{String(error.code)}</code>
          </dd>
        </div>
        <div>
          <dt>Error ID</dt>
          <dd>
            <code className="selectable">{error.errorId}</code>
          </dd>
        </div>
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
          <dd>{reportedBy[error.source]}</dd>
        </div>
      </dl>
      <CopyButton text={error.errorId} label="Copy error ID" />
    </div>
  )
}
