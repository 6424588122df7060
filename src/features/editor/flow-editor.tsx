import { useEffect, useMemo, useRef, useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import type { ApiError } from '../../api/api-error'
import type { Channel, FlowDetails } from '../../shared/flow'
import type { CreateFlowBody, FlowCategoryName } from '../../shared/flow-edit'
import { flowJsonHref } from '../flows/flow-changes-chunk'
import type { FlowScope } from '../flows/api/flow-queries'
import { editorHref, flowsHref, historyHref } from '../flows/flow-hrefs'
import { ChangedMeanwhile } from './changed-meanwhile'
import { EditorActions } from './editor-actions'
import { placeErrors, type PlacedError } from './error-ranges'
import type { TextPlace } from './json-editor'
import { fieldProblems, jsonProblemOf, jsonSizeProblem } from './field-problems'
import { FlowFields } from './flow-fields'
import type { JsonEditorHandle } from './json-editor'
import { JsonPanel } from './json-panel'
import { localDrafts, type EditorFields, type LocalDraft } from './local-draft'
import { useLeaveGuard } from './use-leave-guard'
import { changedFields, createdResult, savedResult, useFlowSave, type LastSave, type SavedCheck } from './use-flow-save'
import { ValidationList } from './validation-list'
import { KeptDraftOffer } from './kept-draft-offer'
import { EditorWorkspace } from './editor-workspace'
import { useEditorPreview } from './use-editor-preview'
import { LazyLivePreview } from '../preview/lazy-preview'
import { MetaPreview } from '../preview/meta-preview'
import { useAppConfig } from '../config/api/config-query'
import './editor.css'

export type FlowEditorProps = {
  scope: FlowScope
  channel: Channel
  /** The flow being edited, with its JSON and ETag as read; undefined for a new flow. */
  flow?: { details: FlowDetails; json: string; etag: string | null }
}

const emptyFields: EditorFields = { name: '', categories: [], endPointUri: '', json: '' }

/** No errors from Meta (nothing saved or read yet): one array, so the editor is not told again on every render. */
const noErrors: PlacedError[] = []

/**
 * A flow's editor: its fields, its JSON in CodeMirror, Meta's errors at their place, and Create draft
 * or Save changes, Publish and Clone. Unsaved changes are kept in this browser and asked about before
 * leaving. The JSON goes to 8x8 exactly as it is in the editor.
 */
export function FlowEditor({ scope, channel, flow }: FlowEditorProps) {
  const navigate = useNavigate()
  // The last create or save, said beside Save (a create's, from the editor it was made in).
  const location = useLocation()
  const [lastSave, setLastSave] = useState<LastSave | null>(() => (location.state as { lastSave?: LastSave } | null)?.lastSave ?? null)
  const editor = useRef<JsonEditorHandle>(null)
  const draftKey = localDrafts.key(scope.accountId, scope.channelId, flow?.details.id)
  const initial: EditorFields = flow
    ? { name: flow.details.name, categories: flow.details.categories, endPointUri: flow.details.endPointUri ?? '', json: flow.json }
    : emptyFields
  const [saved, setSaved] = useState<EditorFields>(initial)
  const [fields, setFields] = useState<EditorFields>(initial)
  const [etag, setEtag] = useState(flow?.etag ?? null)
  const [check, setCheck] = useState<SavedCheck | null>(flow ? { json: flow.json, errors: flow.details.validationErrors } : null)
  const [tried, setTried] = useState(false)
  const [conflict, setConflict] = useState<ApiError | null>(null)
  const [offered, setOffered] = useState<LocalDraft | undefined>(() => {
    const kept = localDrafts.read(draftKey)
    return kept && kept.json !== initial.json ? kept : undefined
  })
  const [editorKey, setEditorKey] = useState(0)
  const refused = useAppConfig().data?.refusals[scope.channelId]
  // Published and deprecated flows cannot change at 8x8; a role without flow.edit changes nothing.
  const readOnly = (flow !== undefined && flow.details.status !== 'DRAFT') || !!refused?.['edit']
  const { create, save } = useFlowSave(scope, { onChangedMeanwhile: setConflict })

  // Compared field by field: a 200 kB JSON is compared, never serialised again, on every keystroke.
  const dirty = fields.json !== saved.json || fields.name !== saved.name || fields.endPointUri !== saved.endPointUri || fields.categories.join() !== saved.categories.join()
  useLeaveGuard(dirty && !readOnly)
  // Kept in this browser as it is typed (a closed tab, a reload or a crash loses nothing).
  useEffect(() => {
    if (!dirty || readOnly) return
    const timer = setTimeout(() => localDrafts.write(draftKey, fields), 400)
    return () => clearTimeout(timer)
  }, [dirty, readOnly, draftKey, fields])

  const metaErrors = useMemo(() => (check ? placeErrors(check.json, check.errors) : null), [check])
  // Where Meta's errors are in the text now (the editor moves them with each edit): what the list says.
  const [metaPlaces, setMetaPlaces] = useState<TextPlace[]>([])
  const metaNow = useMemo(() => metaErrors?.map((error, index) => ({ ...error, ...metaPlaces[index] })) ?? null, [metaErrors, metaPlaces])
  // This browser's checks, as the editor's linter found them (after a pause in typing), except what Meta
  // reported already (same finding, same path).
  const [checked, setChecked] = useState<PlacedError[]>([])
  const localChecks = useMemo(() => {
    const reported = new Set(check?.errors.map((meta) => `${meta.error} ${meta.paths[0] ?? ''}`))
    return checked.filter((error) => !reported.has(`${error.error} ${error.paths[0] ?? ''}`))
  }, [checked, check])
  const ties = useEditorPreview(editor, metaNow, localChecks)
  const problems = fieldProblems(fields)
  // Parsed when the operator sends (and after that, to say when it is fixed), not on every keystroke.
  const jsonProblem = tried ? jsonProblemOf(fields.json) : undefined
  // Said as soon as the text is over 8x8's limit, not when a create fails.
  const sizeWarning = useMemo(() => jsonSizeProblem(fields.json), [fields.json])

  /** Create or save; `withEtag`: the ETag to save over (their text's, after Keep mine), instead of the one read. */
  function submit(withEtag: string | null = etag) {
    setTried(true)
    if (Object.keys(problems).length > 0 || jsonProblemOf(fields.json)) return
    if (!flow) {
      // The checkboxes offer 8x8's categories only (flowCategories).
      const body: CreateFlowBody = {
        name: fields.name.trim(),
        categories: fields.categories as FlowCategoryName[],
        flowJson: fields.json,
        ...(fields.endPointUri.trim() ? { endPointUri: fields.endPointUri.trim() } : {}),
      }
      create.mutate(body, {
        onSuccess: (result) => {
          localDrafts.drop(draftKey)
          setSaved(fields)
          // Said in the new draft's editor, beside Save.
          void navigate(editorHref(scope, result.id), { replace: true, state: { lastSave: createdResult(body.name, result.validationErrors.length) } })
        },
      })
      return
    }
    const body = changedFields(fields, saved)
    if (Object.keys(body).length === 0) return
    const sent = fields
    save.mutate(
      { flowId: flow.details.id, body, etag: withEtag, name: fields.name },
      {
        onSuccess: (result) => {
          localDrafts.drop(draftKey)
          setSaved(sent)
          if (result.etag) setEtag(result.etag)
          if (body.flowJson !== undefined || result.validationErrors.length > 0) setCheck({ json: sent.json, errors: result.validationErrors })
          setLastSave(savedResult(sent.name.trim(), result))
        },
      },
    )
  }

  const pending = create.isPending || save.isPending
  return (
    <section className="flow-editor" aria-labelledby="editor-heading">
      <div className="page-header">
        <p className="small">
          <Link to={flowsHref(scope)}>← Flows in {channel.name}</Link>
          {flow && (
            <>
              {' · '}
              <Link to={historyHref(scope, flow.details.id)}>History</Link>
            </>
          )}
        </p>
        <h1 id="editor-heading" tabIndex={-1}>
          {flow ? `Edit “${flow.details.name || flow.details.id}”` : 'New flow'}
        </h1>
        {flow && (
          <p className="muted small">
            {flow.details.status} · ID <code className="selectable">{flow.details.id}</code>
          </p>
        )}
      </div>

      {readOnly && (
        <p className="notice" role="note">
          {refused?.['edit'] ? `${refused['edit']}: the JSON is shown, not changeable.` : `${flow?.details.status} flows cannot be changed at 8x8. Clone this flow, edit the clone and publish it.`}
        </p>
      )}

      {offered && !readOnly && (
        <KeptDraftOffer
          offered={offered}
          onBringBack={() => {
            setFields({ name: offered.name, categories: offered.categories, endPointUri: offered.endPointUri, json: offered.json })
            setEditorKey((key) => key + 1)
            setOffered(undefined)
          }}
          onDiscard={() => {
            localDrafts.drop(draftKey)
            setOffered(undefined)
          }}
        />
      )}

      {conflict && flow && (
        <ChangedMeanwhile
          scope={scope}
          flowId={flow.details.id}
          mine={fields.json}
          error={conflict}
          onKeepMine={(theirEtag) => {
            setEtag(theirEtag)
            setConflict(null)
            submit(theirEtag)
          }}
          onTakeTheirs={(theirs, theirEtag) => {
            setEtag(theirEtag)
            setSaved({ ...saved, json: theirs })
            setFields({ ...fields, json: theirs })
            setEditorKey((key) => key + 1)
            setConflict(null)
          }}
        />
      )}

      <form
        className="editor-form"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <FlowFields fields={fields} problems={problems} showProblems={tried} readOnly={readOnly} onChange={setFields} />
        <EditorWorkspace
          view={ties.view}
          onView={ties.setView}
          json={
            <JsonPanel
              editorRef={editor}
              editorKey={editorKey}
              text={fields.json}
              readOnly={readOnly}
              metaErrors={metaErrors ?? noErrors}
              problem={jsonProblem}
              sizeWarning={sizeWarning}
              onChecked={setChecked}
              onMetaPlaced={setMetaPlaces}
              onChange={(json) => setFields((current) => ({ ...current, json }))}
              onCursor={ties.onCursor}
            />
          }
          phone={<LazyLivePreview text={fields.json} findings={ties.findings} cursor={ties.cursor} onPick={ties.onPick} onFinding={ties.onFinding} />}
          metaPreview={flow && <MetaPreview scope={scope} flowId={flow.details.id} name={saved.name || flow.details.id} savedJson={saved.json} />}
        />
        <ValidationList meta={metaNow} local={localChecks} onGoTo={(error, metaIndex) => (metaIndex === undefined ? editor.current?.select(error.from, error.to) : editor.current?.selectMetaError(metaIndex))} />
        <EditorActions
          scope={scope}
          channel={channel}
          flow={flow && { ...flow.details, name: saved.name || flow.details.name }}
          dirty={dirty}
          pending={pending}
          errorCount={check?.errors.length ?? 0}
          readOnly={readOnly}
          jsonHref={flow ? flowJsonHref(scope, flow.details.id) : undefined}
          lastSave={lastSave}
          refused={refused}
        />
      </form>
    </section>
  )
}
