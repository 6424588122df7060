import { lazy, Suspense } from 'react'
import { Link, useParams } from 'react-router'
import { paths } from '../paths'
import { WithConfig } from './with-config'

const LookupView = lazy(() => import('../../features/lookup/components/lookup-view').then((m) => ({ default: m.LookupView })))

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
      <WithConfig>
        {(config) => (
          <Suspense fallback={<output className="state">Loading…</output>}>
            <LookupView key={id} id={id} channels={config.channels} />
          </Suspense>
        )}
      </WithConfig>
    </div>
  )
}
