import './stale-list-notice.css'
import { useId } from 'react'
import { ago } from '../../../components/ago'
import { CopyButton } from '../../../components/copy-button'
import { useNow } from '../../../components/use-now'
import type { StaleRead } from '../../../shared/flow'

/**
 * The list shown is the last one the server read: 8x8's budget refused a newer read (page loads and
 * refreshes may use only part of it). Says how old the list is, why, and the refusal's code and Error
 * ID; the list asks again by itself once the budget allows.
 */
export function StaleListNotice({ stale }: { stale: StaleRead }) {
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
