import { retryableLazy } from '../../../components/retryable-lazy'

// What changes flows (the confirmations, the selection's bar), loaded apart from the first paint
// (see preloadFlowDialogs in use-flow-changes.tsx). The dialogs' code failing to arrive shows nothing
// until a dialog is asked for; then it is fetched again.
export const FlowChangeDialogs = retryableLazy(() => import('../flow-changes-chunk').then((m) => ({ default: m.FlowChangeDialogs })), {
  quietWhile: (props) => props.dialog === null,
})
export const BulkBar = retryableLazy(() => import('../flow-changes-chunk').then((m) => ({ default: m.BulkBar })))
