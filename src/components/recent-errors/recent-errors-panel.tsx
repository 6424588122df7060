import { Link } from 'react-router'
import './recent-errors-panel.css'
import { paths } from '../../app/paths'
import { CopyButton } from '../copy-button'
import { ErrorDetails } from '../error-details'
import { SidePanel } from '../side-panel'
import { clearRecentErrors, recentErrorsLimit, useRecentErrors, type RecentError } from './recent-errors-store'
import { dateTimeFormat } from '../date-time'

/**
 * This browser's last errors, kept across reloads, so support can find an errorId after its toast
 * is gone.
 */
export function RecentErrorsPanel({ onClose }: { onClose: () => void }) {
  const errors = useRecentErrors()

  return (
    <SidePanel title="Recent errors" closeLabel="Close recent errors" onClose={onClose} className="recent-errors">
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
                    {dateTimeFormat.format(new Date(error.at))}
                  </time>
                </div>
                <ErrorDetails error={error} copyName={`Copy error ID ${error.errorId}`} />
                {/* Made in this browser: the server never saw it, so there is nothing to look up. */}
                {error.source !== 'network' && (
                  <Link className="small" to={paths.lookup.getHref(error.errorId)} onClick={onClose}>
                    Look up {error.errorId}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </SidePanel>
  )
}

/** Support-ready lines: time, action, flow, code, errorId, request id; tab-separated. */
function errorLines(errors: readonly RecentError[]): string {
  return errors
    .map((e) => [e.at, e.action, e.flowName ? `${e.flowName} (${e.flowId})` : (e.flowId ?? '-'), e.code, e.errorId, e.requestId ?? '-'].join('\t'))
    .join('\n')
}
