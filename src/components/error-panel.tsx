import type { ApiError } from '../api/api-error'
import { ErrorDetails } from './error-details'

export type ErrorPanelProps = { title: string; error: ApiError; onRetry?: () => void; retrying?: boolean }

/** A failed load, in place of the content it would have shown. */
export function ErrorPanel({ title, error, onRetry, retrying = false }: ErrorPanelProps) {
  return (
    <div className="panel panel--error" role="alert">
      <h2 className="panel__title">{title}</h2>
      <ErrorDetails error={error} />
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      )}
    </div>
  )
}
