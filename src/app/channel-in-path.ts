import { isAccountId, isChannelId } from '../shared/ids'
import { paths } from './paths'

const flowsPage = new RegExp(`^${paths.flows.path.replaceAll(/:\w+/g, '([^/]+)')}/?$`)

function decoded(part: string | undefined): string {
  try {
    return part === undefined ? '' : decodeURIComponent(part)
  } catch {
    return ''
  }
}

/** The channel a flows page's address names, if it names one well-formed. */
export function channelInPath(pathname: string) {
  const [, account, channel] = flowsPage.exec(pathname) ?? []
  const scope = { accountId: decoded(account), channelId: decoded(channel) }
  return isAccountId(scope.accountId) && isChannelId(scope.channelId) ? scope : undefined
}
