import { isAccountId, isChannelId } from './ids'
import { configPath, flowListPath, templatesPath, type ChannelScope } from './paths'

/** The element of the served page that holds the configuration, as JSON (server/spa.ts writes it). */
export const configElementId = 'flows-admin-config'

/** The flows page's address (the router's pattern, app/paths.ts). */
export const flowsPagePattern = '/accounts/:accountId/channels/:channelId/flows'

const flowsPage = new RegExp(`^${flowsPagePattern.replaceAll(/:\w+/g, '([^/]+)')}/?$`)

function decoded(part: string | undefined): string {
  try {
    return part === undefined ? '' : decodeURIComponent(part)
  } catch {
    return ''
  }
}

/** The channel a flows page's address names, if it names one well-formed. */
export function channelInPath(pathname: string): ChannelScope | undefined {
  const [, account, channel] = flowsPage.exec(pathname) ?? []
  const scope = { accountId: decoded(account), channelId: decoded(channel) }
  return isAccountId(scope.accountId) && isChannelId(scope.channelId) ? scope : undefined
}

/**
 * What the page at `pathname` needs first: the configuration, and for a channel's flows its list and
 * templates. `/` opens the first configured channel: the server, which knows it, passes it as `home`.
 */
export function firstPageReads(pathname: string, home?: ChannelScope): string[] {
  const scope = channelInPath(pathname) ?? (pathname === '/' ? home : undefined)
  return [configPath, ...(scope ? [flowListPath(scope), templatesPath(scope)] : [])]
}
