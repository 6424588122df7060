import { isAccountId, isChannelId } from '../shared/ids'
import { flowListPath, templatesPath } from '../shared/paths'
import { paths } from './paths'

const flowsPage = new RegExp(`^${paths.flows.path.replaceAll(/:\w+/g, '([^/]+)')}/?$`)

function decoded(part: string | undefined): string {
  try {
    return part === undefined ? '' : decodeURIComponent(part)
  } catch {
    return ''
  }
}

/** What the page at `pathname` needs first: the configuration, and for a channel's flows its list and templates. */
export function firstPageReads(pathname: string): string[] {
  const [, account, channel] = flowsPage.exec(pathname) ?? []
  const scope = { accountId: decoded(account), channelId: decoded(channel) }
  const named = isAccountId(scope.accountId) && isChannelId(scope.channelId)
  return ['/api/config', ...(named ? [flowListPath(scope), templatesPath(scope)] : [])]
}
