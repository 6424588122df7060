import { useQuery } from '@tanstack/react-query'
import './recent-activity.css'
import { useId, useState } from 'react'
import { ErrorPanel } from '../../../components/error-panel'
import type { ChannelScope } from '../../../shared/paths'
import type { AuditEntry } from '../../../shared/audit'
import { proxyErrorCodes } from '../../../shared/error-codes'
import { auditQueries } from '../api/audit-queries'
import { dateTimeFormat } from '../../../components/date-time'
import { Link } from 'react-router'
import { historyHref } from '../../flows/flow-hrefs'
import { useAppConfig } from '../../config/api/config-query'

const resultLabels: Record<NonNullable<AuditEntry['result']>, string> = {
  deleted: 'Deleted',
  deprecated: 'Deprecated',
  restored: 'Restored as a new draft',
  created: 'Created as a draft',
  cloned: 'Cloned as a draft',
  updated: 'Saved',
  published: 'Published',
  refused: 'Refused by 8x8',
  failed: 'Failed',
  unknown: 'Outcome unknown',
  'not-deleted': 'Not deleted',
  unchanged: 'Nothing to save',
}

const actionLabels: Record<AuditEntry['action'], string> = {
  'flow.delete': 'Delete',
  'flow.deprecate': 'Deprecate',
  'flow.restore': 'Restore',
  'flow.create': 'Create',
  'flow.clone': 'Clone',
  'flow.update': 'Save',
  'flow.publish': 'Publish',
}

export type RecentActivityProps = { scope: ChannelScope; channelName: string }

const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/** Why the export cannot be asked for yet. */
const whyNotExport = (from: string, to: string) => (from === '' ? 'Pick a From day.' : to === '' ? 'Pick a To day.' : 'Pick a From day on or before the To day.')

/** The whole audit trail (every channel) for a range of days, as JSON Lines, the fields of the old audit file. */
function AuditExport() {
  const fromId = useId()
  const toId = useId()
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 30 * 24 * 60 * 60_000)))
  const [to, setTo] = useState(() => isoDay(new Date()))
  const valid = from !== '' && to !== '' && from <= to
  return (
    <fieldset className="activity__export">
      <legend className="small muted">Export the audit trail of all channels</legend>
      <div className="field">
        <label htmlFor={fromId}>From</label>
        <input id={fromId} type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={toId}>To</label>
        <input id={toId} type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
      </div>
      {valid ? (
        <a className="button" href={`/api/v1/audit/export?from=${from}&to=${to}`} download>
          Export all channels (JSON Lines)
        </a>
      ) : (
        <span className="small muted">{whyNotExport(from, to)}</span>
      )}
    </fieldset>
  )
}

/** The audit log's latest outcomes for one channel: who deleted what, when, and what 8x8 said. */
export function RecentActivity({ scope, channelName }: RecentActivityProps) {
  const refused = useAppConfig().data?.refusals[scope.channelId]?.['support']
  const activity = useQuery({ ...auditQueries.recent(scope), enabled: !refused })
  const entries = activity.data?.entries
  if (refused) {
    return (
      <section className="activity" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent activity</h2>
        <p className="muted">{refused}.</p>
      </section>
    )
  }

  return (
    <section className="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      <AuditExport />
      {activity.error && (
        <ErrorPanel
          title="Couldn't load the recent activity"
          error={activity.error}
          onRetry={() => activity.refetch()}
          retrying={activity.isFetching}
        />
      )}
      {activity.isPending && <output className="muted small">Loading recent activity…</output>}
      {entries?.length === 0 && <p className="muted">Nothing deleted or deprecated in {channelName} yet.</p>}
      {entries && entries.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Recent activity in {channelName}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Operator</th>
              <th scope="col">Flow</th>
              <th scope="col">Action</th>
              <th scope="col">Result</th>
              <th scope="col">Code and error ID</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              // A request may have two outcomes: its own and, after a restart, what 8x8 was found to have done.
              <ActivityRow key={`${entry.requestId} ${entry.time}`} entry={entry} scope={scope} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** Changes of a flow's JSON: their row links to the history of the flow that has it now. */
const changesJson = new Set<AuditEntry['action']>(['flow.update', 'flow.create', 'flow.clone', 'flow.restore'])

function ActivityRow({ entry, scope }: { entry: AuditEntry; scope: ChannelScope }) {
  const result = entry.result ?? 'unknown'
  // Failed before anything reached 8x8: the flow is still there.
  const noCopy = entry.code === proxyErrorCodes.backupFailed
  const label = noCopy ? 'Not deleted: no copy could be made' : resultLabels[result]
  return (
    <tr>
      <td>
        <time dateTime={entry.time}>{dateTimeFormat.format(new Date(entry.time))}</time>
      </td>
      <td>
        {entry.operator ?? <span className="muted">No sign-in</span>}
        {entry.role && <span className="muted"> · {entry.role}</span>}
      </td>
      <th scope="row" className="data-table__name">
        {entry.flowName || <span className="muted">(name not recorded)</span>}
        <br />
        <code className="selectable small">{entry.flowId}</code>
      </th>
      <td>{actionLabels[entry.action] ?? entry.action}</td>
      <td>
        <span className={`result result--${noCopy ? 'not-deleted' : result}`}>{label}</span>
        {entry.newFlowId && (
          <div className="small">
            as <code className="selectable">{entry.newFlowId}</code>
          </div>
        )}
        {entry.reason && <div className="small muted">{entry.reason}</div>}
        {changesJson.has(entry.action) && (entry.newFlowId ?? entry.flowId) && result !== 'refused' && result !== 'failed' && (
          <div className="small">
            <Link to={historyHref(scope, entry.newFlowId ?? entry.flowId)}>History and difference</Link>
          </div>
        )}
      </td>
      <td>
        {entry.code !== undefined && <code>{String(entry.code)}</code>}
        {entry.errorId && (
          <>
            {' '}
            <code className="selectable">{entry.errorId}</code>
          </>
        )}
      </td>
    </tr>
  )
}
