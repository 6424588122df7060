import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { ApiError } from '../../api/api-error'
import { useToast } from '../../components/toast/toast-context'
import { useDialogFocus } from '../../components/use-dialog-focus'
import type { FlowDetails } from '../../shared/flow'
import type { FlowCategoryName } from '../../shared/flow-edit'
import type { FlowVersionEntry } from '../../shared/flow-history'
import { ConfirmDialog } from '../flows/components/confirm-dialog'
import { createFlow, readFlowSource, updateFlow } from '../flows/flow-changes-chunk'
import { flowQueries, type FlowScope } from '../flows/api/flow-queries'
import { editorHref } from '../flows/flow-hrefs'
import { getText } from '../../api/client-texts'
import { versionJsonHref } from './history-api'

type RestoreVersionProps = {
  scope: FlowScope
  flow: FlowDetails
  version: FlowVersionEntry
  label: string
  /** Where the focus goes once a draft has the version (its new row), when the history has been read again. */
  focusAfter: () => HTMLElement | null | undefined
}

/**
 * Brings a version back, behind a confirmation that names it. A draft gets it written into it (one
 * save; the JSON it replaces is kept first, so this can be undone the same way). A published or
 * deprecated flow cannot be changed: the version becomes a new draft.
 */
export function RestoreVersion({ scope, flow, version, label, focusAfter }: RestoreVersionProps) {
  const [asking, setAsking] = useState(false)
  const focus = useDialogFocus()
  const queryClient = useQueryClient()
  const showToast = useToast()
  const navigate = useNavigate()
  const draft = flow.status === 'DRAFT'
  const restoredFrom = { versionId: version.versionId, flowId: flow.id }
  const restore = useMutation({
    meta: { action: draft ? 'Restore a version' : 'Restore a version as a new draft' },
    mutationFn: async () => {
      const { text } = await getText(versionJsonHref(scope, flow.id, version.versionId))
      if (draft) {
        // The ETag of the JSON as it is now: the save is refused if it changes meanwhile.
        const now = await readFlowSource(scope, flow.id)
        return updateFlow(scope, flow.id, { flowJson: text }, { etag: now.etag, name: flow.name, restoredFrom })
      }
      const name = `${flow.name} (version of ${label})`.slice(0, 200)
      return createFlow(scope, { name, categories: flow.categories as FlowCategoryName[], flowJson: text }, restoredFrom)
    },
    onSuccess: async (result) => {
      // The history read again first: the new version's row is there to take the focus as the dialog closes.
      await queryClient.invalidateQueries({ queryKey: flowQueries.all() })
      if (draft) focus.landOn(focusAfter)
      setAsking(false)
      if (draft) {
        showToast({ kind: 'success', title: `Restored the version of ${label}`, description: `“${flow.name}” has it now; the JSON it replaced is kept in its history.` })
      } else {
        showToast({ kind: 'success', title: 'Restored as a new draft', description: `The version of ${label} is a new draft, open in the editor.` })
        void navigate(editorHref(scope, result.id))
      }
    },
    onError: (error: ApiError) => {
      void queryClient.invalidateQueries({ queryKey: flowQueries.all() })
      setAsking(false)
      showToast({ kind: 'error', title: `Couldn't restore the version of ${label}`, error, copyName: `Copy error ID (${flow.name})` })
    },
  })
  const action = draft ? 'Restore this version' : 'Restore as a new draft'
  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        aria-label={`${action}: ${label}`}
        onClick={() => {
          focus.opening()
          setAsking(true)
        }}
      >
        {action}
      </button>
      {asking && (
        <ConfirmDialog
          title={draft ? 'Restore this version?' : 'Restore this version as a new draft?'}
          description={
            draft ? (
              <p>
                The JSON of <strong>{flow.name}</strong> becomes the version of <strong>{label}</strong>. The JSON it has now is kept in its history first, so
                this can be undone the same way.
              </p>
            ) : (
              <p>
                <strong>{flow.name}</strong> {flow.status === 'DELETED' ? 'was deleted' : `is ${flow.status}, so it cannot be changed`}: the version of{' '}
                <strong>{label}</strong> becomes a new draft, with a new ID.
              </p>
            )
          }
          confirmLabel={action}
          pendingLabel="Restoring…"
          pending={restore.isPending}
          onConfirm={() => restore.mutate()}
          onCancel={() => setAsking(false)}
          onCloseAutoFocus={focus.onCloseAutoFocus}
          tone="primary"
        />
      )}
    </>
  )
}
