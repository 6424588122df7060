import { configPath, flowListPath, templatesPath } from '../shared/paths'
import { channelInPath } from './channel-in-path'

/** What the page at `pathname` needs first: the configuration, and for a channel's flows its list and templates. */
export function firstPageReads(pathname: string): string[] {
  const scope = channelInPath(pathname)
  return [configPath, ...(scope ? [flowListPath(scope), templatesPath(scope)] : [])]
}
