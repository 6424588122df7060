import { useEffect, useRef } from 'react'
import { CopyButton } from '../copy-button'
import { clearRecentErrors, errorLines, recentErrorsLimit, useRecentErrors } from './recent-errors-store'

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

const reportedBy = { upstream: '8x8', proxy: 'Flows Admin server', network: 'this browser' } as const

/**
 * This browser's last errors, kept across reloads, so support can find an errorId after its toast
 * is gone. Non-modal; Escape or Close shuts it.
 */
export function RecentErrorsPanel({ onClose }: { onClose: () => void }) {
  const errors = useRecentErrors()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  return (
    <dialog
      open
      className="recent-errors"
      aria-labelledby="recent-errors-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <div className="details__header">
        <h2 id="recent-errors-heading" ref={heading} tabIndex={-1}>
          Recent errors
        </h2>
        <button type="button" className="button button--small" onClick={onClose} aria-label="Close recent errors">
          Close
        </button>
      </div>
      <p className="muted small">The last {recentErrorsLimit} errors seen in this browser, newest first. Quote the error ID to support.</p>
      {errors.length === 0 ? (
        <p>No errors so far.</p>
      ) : (
        <>
          <div className="details__actions">
            <CopyButton text={errorLines(errors)} label="Copy all" accessibleName="Copy all recent errors" />
            <button type="button" className="button button--small" onClick={clearRecentErrors}>
              Clear list
            </button>
          </div>
          <ol className="recent-errors__list">
            {errors.map((error) => (
              <li key={error.errorId}>
                <div>
                  <strong>{error.action}</strong>
                  {error.flowName !== undefined && <> · {error.flowName || error.flowId}</>}{' '}
                  <time className="muted small" dateTime={error.at}>
                    {timeFormat.format(new Date(error.at))}
                  </time>
                </div>
                <div className="small">{error.message}</div>
                <dl className="error-details__facts">
                  <div>
                    <dt>Code</dt>
                    <dd>
                      <code>{error.code}</code> (from {reportedBy[error.source] ?? error.source})
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
                </dl>
                <CopyButton text={error.errorId} label="Copy error ID" accessibleName={`Copy error ID ${error.errorId}`} />
              </li>
            ))}
          </ol>
        </>
      )}
    </dialog>
  )
}
