import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { ApiError } from '../../api/api-error'
import type { Channel, Flow } from '../../shared/flow'
import type { FlowScope } from '../flows/api/flow-queries'
import { CloneFlowDialog, PublishFlowDialog, publishedNotice, useCloneFlow, useLifecycleFailure, usePublishFlow } from '../flows/flow-changes-chunk'
import { editorHref, flowsHref } from '../flows/flow-hrefs'
import { useToast } from '../../components/toast/toast-context'
import { useDialogFocus } from '../../components/use-dialog-focus'
import { EditorPreview } from './editor-preview'
import type { LastSave } from './use-flow-save'
import type { Refusals } from '../../shared/roles'

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })

type EditorActionsProps = {
  scope: FlowScope
  channel: Channel
  /** The saved flow; undefined while it is new. */
  flow?: Flow
  dirty: boolean
  pending: boolean
  /** Meta's errors in the last saved JSON. */
  errorCount: number
  readOnly: boolean
  jsonHref?: string
  /** What the last create or save did: said under the buttons, in a live region that is always there. */
  lastSave?: LastSave | null
  /** What the signed-in person may not do in this channel, with why. */
  refused?: Refusals
}

/** Why Publish is not offered now, if it is not. */
function publishBlocked(dirty: boolean, errorCount: number): string | undefined {
  if (dirty) return 'Save your changes first: Publish publishes what 8x8 has.'
  if (errorCount > 0) return `Fix the ${errorCount} ${errorCount === 1 ? 'error' : 'errors'} Meta found and save, then publish.`
  return undefined
}

/** The editor's buttons: Create draft or Save changes, Publish, Clone, Download, Preview. */
export function EditorActions({ scope, channel, flow, dirty, pending, errorCount, readOnly, jsonHref, lastSave, refused = {} }: EditorActionsProps) {
  const [dialog, setDialogState] = useState<'publish' | 'clone' | null>(null)
  // Closed, the focus goes back to Publish… or Clone… (a change done opens another page, whose heading takes it).
  const focus = useDialogFocus()
  const setDialog = (next: 'publish' | 'clone' | null) => {
    if (next !== null) focus.opening()
    setDialogState(next)
  }
  const publishing = usePublishFlow(scope)
  const cloning = useCloneFlow(scope)
  const showToast = useToast()
  const navigate = useNavigate()
  const blocked = refused['publish'] ?? publishBlocked(dirty, errorCount)
  const showFailure = useLifecycleFailure()
  const failed = (verb: 'clone' | 'publish', error: ApiError) => {
    setDialog(null)
    if (flow) showFailure(flow, verb, error)
  }

  return (
    <div className="editor-actions">
      {!readOnly && (
        <button type="submit" className="button button--primary" aria-disabled={pending} aria-busy={pending}>
          {pending && <span className="spinner" aria-hidden="true" />}
          {flow ? (pending ? 'Saving…' : 'Save changes') : pending ? 'Creating…' : 'Create draft'}
        </button>
      )}
      {flow && !readOnly && (
        <>
          <button type="button" className="button" aria-disabled={blocked !== undefined} aria-describedby={blocked ? 'publish-blocked' : undefined} onClick={() => blocked || setDialog('publish')}>
            Publish…
          </button>
          {blocked && (
            <span id="publish-blocked" className="small muted">
              {blocked}
            </span>
          )}
        </>
      )}
      {flow && (
        <button type="button" className="button" disabled={!!refused['edit']} title={refused['edit']} onClick={() => setDialog('clone')}>
          Clone…
        </button>
      )}
      {jsonHref && (
        <a className="button button--quiet" href={jsonHref} download>
          Download flow JSON
        </a>
      )}
      {flow && <EditorPreview scope={scope} flowId={flow.id} />}
      <output aria-label="Last save" className="editor-actions__result small">
        {lastSave && (
          <>
            <strong>{lastSave.title}</strong> at {timeFormat.format(lastSave.at)}. {lastSave.description}
          </>
        )}
      </output>
      {flow && dialog === 'publish' && (
        <PublishFlowDialog
          flow={flow}
          channelName={channel.name}
          pending={publishing.isPending}
          onCancel={() => setDialog(null)}
          onCloseAutoFocus={focus.onCloseAutoFocus}
          onConfirm={(target) =>
            publishing.mutate(target, {
              onSuccess: (result) => {
                setDialog(null)
                showToast(publishedNotice(target.name, result))
                void navigate(flowsHref(scope))
              },
              onError: (error) => failed('publish', error),
            })
          }
        />
      )}
      {flow && dialog === 'clone' && (
        <CloneFlowDialog
          flow={flow}
          pending={cloning.isPending}
          onCancel={() => setDialog(null)}
          onCloseAutoFocus={focus.onCloseAutoFocus}
          onConfirm={(target, name) =>
            cloning.mutate(
              { flow: target, name },
              {
                onSuccess: (result) => {
                  setDialog(null)
                  showToast({ kind: 'success', title: `Cloned as “${name}”`, description: 'The clone is a draft: edit it, then publish it.' })
                  void navigate(editorHref(scope, result.id))
                },
                onError: (error) => failed('clone', error),
              },
            )
          }
        />
      )}
    </div>
  )
}
