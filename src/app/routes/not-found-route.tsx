import { Link } from 'react-router'
import { paths } from '../paths'

export function NotFoundRoute() {
  return (
    <div className="state">
      <h1>Page not found</h1>
      <p>
        <Link to={paths.home.getHref()}>Go to the flows</Link>
      </p>
    </div>
  )
}
