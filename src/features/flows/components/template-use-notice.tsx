import type { ApiError } from '../../../api/api-error'
import './template-use-notice.css'
import { ErrorDetails } from '../../../components/error-details'

/** The templates list failed: the flows still show, and the operator can see why on request. */
export function TemplateUseNotice({ error }: { error: ApiError }) {
  return (
    <details className="notice notice--quiet">
      <summary>Template use could not be checked: 8x8 may refuse to delete a draft that a template uses.</summary>
      <ErrorDetails error={error} copyName="Copy error ID (templates)" />
    </details>
  )
}
