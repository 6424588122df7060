import { flowsPagePattern } from '../shared/first-page'

/** Every route of the app, in one place: the pattern for the router, the href for links. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  flows: {
    path: flowsPagePattern,
    getHref: (accountId: string, channelId: string) =>
      `/accounts/${encodeURIComponent(accountId)}/channels/${encodeURIComponent(channelId)}/flows`,
  },
  deletedFlows: {
    path: '/accounts/:accountId/channels/:channelId/deleted',
    getHref: (accountId: string, channelId: string) =>
      `/accounts/${encodeURIComponent(accountId)}/channels/${encodeURIComponent(channelId)}/deleted`,
  },
  lookup: { path: '/lookup/:id', getHref: (id: string) => `/lookup/${encodeURIComponent(id)}` },
  lookupEmpty: { path: '/lookup', getHref: () => '/lookup' },
} as const
