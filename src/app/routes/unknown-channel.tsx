import { Link } from 'react-router'
import type { AppConfig } from '../../shared/flow'
import { paths } from '../paths'

/** An address naming a channel this deployment does not serve: where the operator can go instead. */
export function UnknownChannel({ config }: { config: AppConfig }) {
  return (
    <div className="state">
      <h1 tabIndex={-1}>This channel is not configured</h1>
      <p>
        Flows Admin serves account <code>{config.accountId}</code> and the channels below. The link may come from another
        deployment, or the channel was removed from the configuration.
      </p>
      {/* Styled in place, not by a stylesheet of this chunk: the server renders this page, before the chunk loads. */}
      <ul style={{ listStyle: 'none', padding: 0, lineHeight: 1.8 }}>
        {config.channels.map((c) => (
          <li key={c.id}>
            <Link to={paths.flows.getHref(config.accountId, c.id)}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
