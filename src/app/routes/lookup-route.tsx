import { Link, useParams } from 'react-router'
import { LookupView } from '../../features/lookup/components/lookup-view'
import { paths } from '../paths'
import { WithConfig } from './with-config'

/** `/lookup/<id>`: a link support can paste into a ticket. */
export function LookupRoute() {
  const { id = '' } = useParams()
  return (
    <div className="flows">
      <div className="page-header">
        <h1 tabIndex={-1}>Error ID or request ID</h1>
        <p className="muted">
          What this Flows Admin server recorded about it. <Link to={paths.home.getHref()}>Back to the flows</Link>
        </p>
      </div>
      {id === '' ? (
        <p>Paste an Error ID or request ID into the search at the top of the page: from a notice, Recent errors or a support ticket.</p>
      ) : (
        <WithConfig>
          {(config) =>
            // The server refuses it too; said here instead of a failed lookup.
            config.refusals['*']?.['support'] ? (
              <p className="notice" role="note">
                {config.refusals['*']['support']}.
              </p>
            ) : (
              <LookupView key={id} id={id} channels={config.channels} />
            )
          }
        </WithConfig>
      )}
    </div>
  )
}
