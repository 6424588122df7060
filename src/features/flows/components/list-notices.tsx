import './list-notices.css'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import type { ApiError } from '../../../api/api-error'
import { ago } from '../../../components/ago'
import { CopyButton } from '../../../components/copy-button'
import { ErrorDetails } from '../../../components/error-details'
import { useNow } from '../../../components/use-now'
import type { StaleRead } from '../../../shared/flow'
import { flowQueries, type FlowScope } from '../api/flow-queries'
import { templateQueries } from '../api/flow-templates'

// What the flows list says of itself when it is not the whole truth. Loaded when there is something to say.

/**
 * The notices about the channel's list shown: it is the last one read, and/or which templates use its
 * drafts is unknown. Rendered after the first content, so never by the server (how old a list is
 * depends on the clock that reads it).
 */
export function ListNotices({ scope }: { scope: FlowScope }) {
  const { data: list } = useQuery(flowQueries.list(scope))
  const { error: templatesError } = useQuery(templateQueries.list(scope))
  return (
    <>
      {list?.stale && <StaleListNotice stale={list.stale} />}
      {list && templatesError && <TemplateUseNotice error={templatesError} />}
    </>
  )
}

/**
 * The list shown is the last one the server read: 8x8's budget refused a newer read (page loads and
 * refreshes may use only part of it). Says how old the list is, why, and the refusal's code and Error
 * ID; the list is asked for again as the operator comes back to the page or presses Refresh.
 */
function StaleListNotice({ stale }: { stale: StaleRead }) {
  const title = useId()
  const now = useNow()
  return (
    <output aria-labelledby={title} className="panel stale-list">
      <span id={title} className="stale-list__title">
        Showing the list as read {ago(now - Date.parse(stale.readAt))}: changes made since, in another console or tab, may not show yet.
      </span>
      {stale.message && <span className="stale-list__reason">{stale.message}</span>}
      <span className="stale-list__facts">
        <code className="error-details__code">{String(stale.code)}</code> Error ID <code className="selectable">{stale.errorId}</code>{' '}
        <CopyButton text={stale.errorId} label="Copy" accessibleName="Copy error ID (flows list)" />
      </span>
    </output>
  )
}

/** The templates list failed: the flows still show, and the operator can see why on request. */
function TemplateUseNotice({ error }: { error: ApiError }) {
  return (
    <details className="notice notice--quiet">
      <summary>Template use could not be checked: 8x8 may refuse to delete a draft that a template uses.</summary>
      <ErrorDetails error={error} copyName="Copy error ID (templates)" />
    </details>
  )
}
