import { lazy } from 'react'

// Loaded apart from the first paint (see preloadFlowDialogs in use-flow-changes.tsx).
export const DeleteFlowDialog = lazy(() => import('./flow-dialogs').then((m) => ({ default: m.DeleteFlowDialog })))
export const DeprecateFlowDialog = lazy(() => import('./flow-dialogs').then((m) => ({ default: m.DeprecateFlowDialog })))
export const BulkDeleteDialog = lazy(() => import('./bulk-delete-dialog').then((m) => ({ default: m.BulkDeleteDialog })))
