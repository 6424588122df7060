import { createContext } from 'react'
import type { ChannelScope } from '../shared/paths'

/**
 * While the server renders a flows page: the wait for a channel's list (settled into the render's
 * cache when it resolves, or given up after a short while). Null in the browser.
 */
export const ServerListContext = createContext<((scope: ChannelScope) => Promise<void>) | null>(null)
