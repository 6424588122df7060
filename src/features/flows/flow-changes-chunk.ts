// Everything that changes flows, loaded as one chunk after the first paint: the confirmations (delete,
// deprecate, bulk), the bar of a selection and the Deleted flows view share the dialog, the restore and their messages, and
// one chunk keeps the bundler from splitting what the first page needs into extra requests.
export { BulkBar } from './components/bulk-bar'
export { FlowChangeDialogs } from './components/flow-change-dialogs'
export { DeletedFlowsView } from './deleted/components/deleted-flows-view'
// The editor (a route of its own) takes what it shares with the flows page from this chunk, whole:
// shared modules would otherwise become small chunks of their own, each a name in the first page's
// preload map.
export { CloneFlowDialog, PublishFlowDialog } from './components/lifecycle-dialogs'
export { createFlow, publishedNotice, readFlowSource, updateFlow, useCloneFlow, usePublishFlow } from './api/flow-lifecycle'
export { flowDetailQueries, flowJsonHref } from './api/flow-details'
export { useLifecycleFailure } from './use-lifecycle-failure'
// The operator's Refresh, which reads 8x8 anew (channel-flows.tsx).
export { refreshChannel } from './api/refresh-channel'
