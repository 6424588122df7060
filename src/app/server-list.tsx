import { use, useContext, type ReactNode } from 'react'
import type { ChannelScope } from '../shared/paths'
import { ServerListContext } from './server-list-context'

/**
 * Renders `children` once the server has the channel's list (or stops waiting), holding the Suspense
 * boundary it is in meanwhile: the page's shell streams first, its rows when 8x8 answers. In the
 * browser, `children` at once.
 */
export function AwaitServerList({ scope, children }: { scope: ChannelScope; children: ReactNode }) {
  const waitFor = useContext(ServerListContext)
  if (waitFor) use(waitFor(scope))
  return children
}
