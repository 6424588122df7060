import { lazy } from 'react'

// What changes flows (the confirmations, the selection's bar), loaded apart from the first paint
// (see preloadFlowDialogs in use-flow-changes.tsx).
export const FlowChangeDialogs = lazy(() => import('../flow-changes-chunk').then((m) => ({ default: m.FlowChangeDialogs })))
export const BulkBar = lazy(() => import('../flow-changes-chunk').then((m) => ({ default: m.BulkBar })))
