import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ApiError } from '../../api/api-error'
import { useToast } from '../../components/toast/toast-context'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { FlowValidationError } from '../../shared/flow'
import type { CreateFlowBody, FlowCategoryName, UpdateFlowBody } from '../../shared/flow-edit'
import { createFlow, updateFlow } from '../flows/flow-changes-chunk'
import { flowQueries, type FlowScope } from '../flows/api/flow-queries'
import { isOutcomeUnknown } from '../flows/delete-outcome'
import type { EditorFields } from './local-draft'

/** What Meta said of a saved text: its errors, with the text they point into. */
export type SavedCheck = { json: string; errors: FlowValidationError[] }

/** Only what changed since the last save (8x8's update takes any subset). */
export function changedFields(fields: EditorFields, saved: EditorFields): UpdateFlowBody {
  const body: UpdateFlowBody = {}
  if (fields.name.trim() !== saved.name) body.name = fields.name.trim()
  if (fields.categories.join() !== saved.categories.join()) body.categories = fields.categories as FlowCategoryName[]
  if (fields.endPointUri.trim() !== saved.endPointUri && fields.endPointUri.trim() !== '') body.endPointUri = fields.endPointUri.trim()
  if (fields.json !== saved.json) body.flowJson = fields.json
  return body
}

/**
 * What a create or a save did, said beside Save (a floating notice would cover the editor, its errors
 * or its buttons). `at`: when, as the browser's clock says.
 */
export type LastSave = { title: string; description: string; at: number }

export function createdResult(name: string, errors: number): LastSave {
  return { title: `Created draft “${name}”`, description: savedMessage(errors), at: Date.now() }
}

export function savedResult(name: string, { unchanged, validationErrors }: { unchanged?: true; validationErrors: unknown[] }): LastSave {
  return unchanged
    ? { title: `Nothing to save: “${name}”`, description: `8x8 has exactly this already: an earlier save went through after all. ${savedMessage(validationErrors.length)}`, at: Date.now() }
    : { title: `Saved “${name}”`, description: savedMessage(validationErrors.length), at: Date.now() }
}

export function savedMessage(errors: number): string {
  return errors === 0
    ? 'Meta found no errors. It can be published.'
    : `Saved as a draft with ${errors} ${errors === 1 ? 'error' : 'errors'}; it cannot be published until they are fixed.`
}

/**
 * Create and save from the editor: one request each, never retried; the list and details refreshed
 * after; failures shown with 8x8's code and Error ID. A save refused because the flow changed at 8x8
 * meanwhile (FLOW_CHANGED) is handed to `onChangedMeanwhile` instead of a notification.
 */
export function useFlowSave(scope: FlowScope, { onChangedMeanwhile }: { onChangedMeanwhile: (error: ApiError) => void }) {
  const queryClient = useQueryClient()
  const showToast = useToast()
  const refresh = () => void queryClient.invalidateQueries({ queryKey: flowQueries.all() })

  function failed(verb: 'create' | 'save', name: string, error: ApiError) {
    if (error.code === proxyErrorCodes.flowChanged) {
      onChangedMeanwhile(error)
      return
    }
    const label = name.trim() || '(no name)'
    showToast({
      kind: 'error',
      title: isOutcomeUnknown(error) ? `${verb === 'create' ? 'Create' : 'Save'} not confirmed: “${label}”` : `Couldn't ${verb} “${label}”`,
      ...(isOutcomeUnknown(error)
        ? { hint: verb === 'create' ? 'No confirmation came back in time: look in the flows list for the draft before creating it again.' : 'No confirmation came back in time: reload the flow to see what 8x8 has before saving again.' }
        : {}),
      error,
      copyName: `Copy error ID (${label})`,
    })
  }

  const create = useMutation({
    mutationFn: (body: CreateFlowBody) => createFlow(scope, body),
    meta: { action: 'Create flow' },
    onSettled: refresh,
    onError: (error: ApiError, body) => failed('create', body.name, error),
  })

  const save = useMutation({
    mutationFn: ({ flowId, body, etag, name }: { flowId: string; body: UpdateFlowBody; etag: string | null; name: string }) => updateFlow(scope, flowId, body, { etag, name }),
    meta: { action: 'Save flow' },
    onSettled: refresh,
    onError: (error: ApiError, { name }) => failed('save', name, error),
  })

  return { create, save }
}
