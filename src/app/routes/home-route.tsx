import { Navigate } from 'react-router'
import { paths } from '../paths'
import { WithConfig } from './with-config'

/** `/` goes to the first configured channel. */
export function HomeRoute() {
  return (
    <WithConfig>
      {(config) => <Navigate replace to={paths.flows.getHref(config.accountId, config.channels[0].id)} />}
    </WithConfig>
  )
}
