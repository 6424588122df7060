import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { ApiError } from '../../../api/api-error'
import { ErrorPanel } from '../../../components/error-panel'
import { SidePanel } from '../../../components/side-panel'
import { StatusBadge } from '../../../components/status-badge'
import type { FlowTemplate } from '../../../shared/deleted-flows'
import { isDeprecatable, type Flow, type FlowValidationError } from '../../../shared/flow'
import { flowDetailQueries, flowJsonHref } from '../api/flow-details'
import type { FlowScope } from '../api/flow-queries'
import { flowLabel } from '../flow-label'
import { canDelete, templateLabel } from '../template-use'
import { historyHref } from '../flow-hrefs'
import { DetailsPhone } from './details-phone'
import { useAppConfig } from '../../config/api/config-query'
import './flow-details-panel.css'

export type FlowDetailsPanelProps = {
  scope: FlowScope
  flowId: string
  /** The row from the list, shown while the details load. */
  listed?: Flow
  /** The templates whose FLOW buttons launch this flow. */
  templates?: readonly FlowTemplate[]
  /** Why the templates could not be read, if they could not. */
  templatesError?: ApiError | null
  onClose: () => void
  onDelete: (flow: Flow) => void
  onDeprecate: (flow: Flow) => void
  onClone: (flow: Flow) => void
  editHref: (flowId: string) => string
}

/** An action the role may not take: in its place, disabled, saying why (the server refuses it anyway). */
const gated = (why: string | undefined) => ({ disabled: !!why, title: why })

const expiryFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function where(error: FlowValidationError): string {
  if (error.lineStart === undefined) return ''
  return `line ${error.lineStart}${error.columnStart === undefined ? '' : `, column ${error.columnStart}`}`
}

/**
 * A flow as 8x8's get-flow describes it: categories, validation errors, its JSON and a preview link.
 */
export function FlowDetailsPanel({ scope, flowId, listed, templates = [], templatesError, onClose, onDelete, onDeprecate, onClone, editHref }: FlowDetailsPanelProps) {
  // What the signed-in person may not do here, with why: their actions stay, disabled, saying it.
  const refused = useAppConfig().data?.refusals[scope.channelId] ?? {}
  const details = useQuery(flowDetailQueries.details(scope, flowId))
  const preview = useQuery({ ...flowDetailQueries.preview(scope, flowId), enabled: false })

  const flow: Flow | undefined = details.data ?? listed
  const title = flow ? flowLabel(flow) : `Flow ${flowId}`
  return (
    // Keyed by flow id by its parent: a new flow is a new panel, which takes the focus once.
    <SidePanel title={title} closeLabel="Close details" onClose={onClose} className="details">
      <dl className="details__facts">
        <dt>ID</dt>
        <dd>
          <code className="selectable">{flowId}</code>
        </dd>
        {flow && (
          <>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={flow.status} />
            </dd>
          </>
        )}
        {details.data && (
          <>
            <dt>Categories</dt>
            <dd>{details.data.categories.length > 0 ? details.data.categories.join(', ') : <span className="muted">None</span>}</dd>
          </>
        )}
      </dl>

      {details.isPending && (
        <output className="muted">
          <span className="spinner" aria-hidden="true" /> Loading details from 8x8…
        </output>
      )}
      {details.error && (
        <ErrorPanel title="Couldn't load the details" error={details.error} onRetry={() => details.refetch()} retrying={details.isFetching} />
      )}

      {details.data && (
        <section aria-labelledby="validation-heading">
          <h3 id="validation-heading">Validation</h3>
          {details.data.validationErrors.length === 0 ? (
            <p className="muted">Meta reports no errors in this flow's JSON.</p>
          ) : (
            <ul className="details__errors">
              {details.data.validationErrors.map((error, index) => (
                <li key={index}>
                  <strong>{error.message || error.error}</strong>
                  <div className="small muted">
                    {[error.error, error.errorType, where(error)].filter(Boolean).join(' · ')}
                  </div>
                  {error.paths.map((path) => (
                    <code key={path} className="small details__path">
                      {path}
                    </code>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="templates-heading">
        <h3 id="templates-heading">Templates</h3>
        {templatesError ? (
          <p className="muted small">Template use could not be checked ({String(templatesError.code)}, Error ID {templatesError.errorId}).</p>
        ) : templates.length === 0 ? (
          <p className="muted">No message template launches this flow.</p>
        ) : (
          <ul className="details__templates">
            {templates.map((template) => (
              <li key={templateLabel(template)}>
                {templateLabel(template)} <StatusBadge status={template.status} />
              </li>
            ))}
          </ul>
        )}
        {flow?.status === 'DRAFT' && templates.length > 0 && <p className="small">8x8 does not delete a draft that a template uses.</p>}
      </section>

      <section aria-labelledby="files-heading">
        <h3 id="files-heading">JSON and preview</h3>
        {/* Offered once 8x8 has said the flow exists (a link to an unknown id would only fail). */}
        {details.data ? (
          <div className="details__actions">
            <Link className="button" to={historyHref(scope, flowId)}>
              History
            </Link>
            {details.data.hasFlowJson && (
              <a className="button" href={flowJsonHref(scope, flowId)} download>
                Download flow JSON
              </a>
            )}
            {/* aria-disabled, not disabled: the focus stays here, and Escape still closes the panel. */}
            <button type="button" className="button" onClick={() => preview.isFetching || void preview.refetch()} aria-disabled={preview.isFetching}>
              {preview.isFetching ? 'Getting preview link…' : preview.data ? 'New preview link' : 'Get preview link'}
            </button>
          </div>
        ) : (
          <p className="muted small">{details.error ? 'Not available: 8x8 did not return this flow.' : 'Available once the details have loaded.'}</p>
        )}
        {preview.data && (
          <p className="small">
            <a href={preview.data.previewUrl} target="_blank" rel="noopener noreferrer">
              Open the preview on Meta
            </a>{' '}
            (needs a Meta Business sign-in
            {preview.data.expiresAt &&
              `; valid until ${Number.isNaN(Date.parse(preview.data.expiresAt)) ? preview.data.expiresAt : expiryFormat.format(Date.parse(preview.data.expiresAt))}`}
            )
          </p>
        )}
        {preview.error && <ErrorPanel title="Couldn't get a preview link" error={preview.error} />}
        {details.data?.hasFlowJson && <DetailsPhone scope={scope} flowId={flowId} />}
      </section>

      {flow && (
        <div className="details__actions details__actions--end">
          {flow.status === 'DRAFT' ? (
            <Link className="button" to={editHref(flow.id)}>
              Edit
            </Link>
          ) : (
            <p className="small muted">{flow.status} flows cannot be changed at 8x8: clone this flow, edit the clone and publish it.</p>
          )}
          <button type="button" className="button" {...gated(refused['edit'])} onClick={() => onClone(flow)}>
            Clone…
          </button>
          {isDeprecatable(flow) && (
            <button type="button" className="button" {...gated(refused['deprecate'])} onClick={() => onDeprecate(flow)}>
              Deprecate…
            </button>
          )}
          {canDelete(flow, templates) && (
            <button type="button" className="button button--danger-quiet" {...gated(refused['delete'])} onClick={() => onDelete(flow)}>
              Delete…
            </button>
          )}
        </div>
      )}
    </SidePanel>
  )
}
