import { paths } from '../../app/paths'
import { flowsPagePattern } from '../../shared/first-page'
import { isAccountId, isChannelId } from '../../shared/ids'
import type { ChannelScope } from '../../shared/paths'

const flowsPage = new RegExp(`^${flowsPagePattern.replaceAll(/:\w+/g, '([^/]+)')}/?$`)

function decoded(part: string | undefined): string {
  try {
    return part === undefined ? '' : decodeURIComponent(part)
  } catch {
    return ''
  }
}

/** The channel a flows page's address names, if it names one well-formed: the pages the server renders. */
export function channelInPath(pathname: string): ChannelScope | undefined {
  const [, account, channel] = flowsPage.exec(pathname) ?? []
  const scope = { accountId: decoded(account), channelId: decoded(channel) }
  return isAccountId(scope.accountId) && isChannelId(scope.channelId) ? scope : undefined
}

/** A channel's flows page: where `/` goes (the first configured channel). */
export function flowsPagePath({ accountId, channelId }: ChannelScope): string {
  return paths.flows.getHref(accountId, channelId)
}
