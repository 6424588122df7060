// Everything that changes flows, loaded as one chunk after the first paint: the confirmations (delete,
// deprecate, bulk), the bar of a selection and the Deleted flows view share the dialog, the restore and their messages, and
// one chunk keeps the bundler from splitting what the first page needs into extra requests.
export { BulkBar } from './components/bulk-bar'
export { FlowChangeDialogs } from './components/flow-change-dialogs'
export { DeletedFlowsView } from './deleted/components/deleted-flows-view'
