import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useMediaQuery } from '../../components/use-media-query'
import { useWidePage } from '../../components/page-width'
import { usePreviewShown, type WorkspaceView } from './use-editor-preview'

type EditorWorkspaceProps = {
  json: ReactNode
  /** The phone following the text. */
  phone: ReactNode
  /** Meta's own preview of the saved flow; none for a flow not yet created. */
  metaPreview?: ReactNode
  view: WorkspaceView
  onView: (view: WorkspaceView) => void
}

/** Wide enough for the JSON and a phone side by side; narrower, they are two tabs. */
export const sideBySideQuery = '(min-width: 1100px)'

const views: { id: WorkspaceView; label: string }[] = [
  { id: 'json', label: 'JSON' },
  { id: 'preview', label: 'Preview' },
]

/**
 * The JSON and its preview: side by side in a wide window, two tabs (JSON, Preview) on a phone or a
 * narrow window. The preview is the phone, or Meta's own page for the saved flow.
 */
export function EditorWorkspace({ json, phone, metaPreview, view, onView }: EditorWorkspaceProps) {
  const side = useMediaQuery(sideBySideQuery)
  const [previewShown, setPreviewShown] = usePreviewShown()
  // Wide and the preview hidden: the JSON alone, as wide as the page usually is.
  const wide = side && previewShown
  useWidePage(wide)
  const id = useId()
  const [kind, setKind] = useState<'phone' | 'meta'>('phone')
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    const next = views[(views.findIndex((candidate) => candidate.id === view) + 1) % views.length]
    onView(next.id)
    tabs.current[views.indexOf(next)]?.focus()
  }
  const panel = (which: WorkspaceView) => (side ? {} : { role: 'tabpanel', id: `${id}-${which}`, 'aria-labelledby': `${id}-${which}-tab`, hidden: view !== which })
  return (
    <div className={wide ? 'editor-workspace editor-workspace--wide' : 'editor-workspace'}>
      {side && !previewShown && (
        <button type="button" className="button button--small button--quiet editor-workspace__show" onClick={() => setPreviewShown(true)}>
          Show the preview
        </button>
      )}
      {!side && (
        // oxlint-disable-next-line jsx-a11y/interactive-supports-focus -- the tabs inside take the focus (roving tabindex)
        <div role="tablist" aria-label="JSON or preview" className="editor-workspace__tabs" onKeyDown={onKeyDown}>
          {views.map((candidate, index) => (
            <button
              key={candidate.id}
              ref={(element) => {
                tabs.current[index] = element
              }}
              type="button"
              role="tab"
              id={`${id}-${candidate.id}-tab`}
              aria-controls={`${id}-${candidate.id}`}
              aria-selected={view === candidate.id}
              tabIndex={view === candidate.id ? 0 : -1}
              className="editor-workspace__tab"
              onClick={() => onView(candidate.id)}
            >
              {candidate.label}
            </button>
          ))}
        </div>
      )}
      <div className="editor-workspace__json" {...panel('json')}>
        {json}
      </div>
      {(previewShown || !side) && (
        <section className="editor-workspace__preview" aria-labelledby={`${id}-heading`} {...panel('preview')}>
          <div className="editor-workspace__preview-head">
            <h2 id={`${id}-heading`} className="editor-workspace__heading">
              Preview
            </h2>
            {metaPreview && (
              <fieldset className="editor-workspace__kinds">
                <legend className="visually-hidden">Which preview</legend>
                <button type="button" className="button button--small button--quiet" aria-pressed={kind === 'phone'} onClick={() => setKind('phone')}>
                  This console's
                </button>
                <button type="button" className="button button--small button--quiet" aria-pressed={kind === 'meta'} onClick={() => setKind('meta')}>
                  Meta's preview
                </button>
              </fieldset>
            )}
            {side && (
              <button type="button" className="button button--small button--quiet" aria-label="Hide the preview" onClick={() => setPreviewShown(false)}>
                Hide
              </button>
            )}
          </div>
          {kind === 'meta' && metaPreview ? metaPreview : phone}
        </section>
      )}
    </div>
  )
}
