import { knownFlowStatuses, type Flow } from '../shared/flow'

/** DRAFT, PUBLISHED and DEPRECATED get their colours; any other status is shown as it is. */
export function StatusBadge({ status }: { status: Flow['status'] }) {
  const known = (knownFlowStatuses as readonly string[]).includes(status)
  return <span className={`badge badge--${known ? status.toLowerCase() : 'other'}`}>{status}</span>
}
