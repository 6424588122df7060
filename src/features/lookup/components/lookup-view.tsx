import { useQuery } from '@tanstack/react-query'
import './lookup-view.css'
import type { ReactNode } from 'react'
import { CopyButton } from '../../../components/copy-button'
import { ErrorPanel } from '../../../components/error-panel'
import { Link } from 'react-router'
import type { AuditEntry } from '../../../shared/audit'
import { failedSaveVersion } from '../../../shared/flow-history'
import { historyHref } from '../../flows/flow-hrefs'
import type { Channel } from '../../../shared/flow'
import { cleanLookupId, lookupIdPattern } from '../../../shared/lookup'
import { lookupQuery } from '../api/lookup-query'
import { auditAction, auditOf, detailsText, facts, when, type Fact } from '../lookup-facts'

function FactList({ list }: { list: Fact[] }) {
  return (
    <dl className="lookup__facts">
      {list.map((fact) => (
        <div key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>
            <span className="selectable">{fact.value}</span>
            {fact.copy && <CopyButton text={fact.value!} label="Copy" accessibleName={`Copy ${fact.label}`} />}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** A failed save's JSON, kept in the flow's history: a link to compare it with the flow's current JSON. */
function SentVersion({ entry }: { entry: AuditEntry }) {
  const versionId = entry.phase === 'outcome' ? failedSaveVersion.exec(entry.reason ?? '')?.[1] : undefined
  if (!versionId) return null
  return (
    <div className="small">
      <Link to={`${historyHref({ accountId: entry.accountId, channelId: entry.channelId }, entry.flowId)}?compare=${encodeURIComponent(versionId)}`}>
        Compare the JSON it sent with the flow's current JSON
      </Link>
    </div>
  )
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <table className="data-table lookup__audit">
      <caption className="lookup__caption">Audit trail of this request</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Entry</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Result</th>
          <th scope="col">Code and error ID</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.requestId}-${entry.phase}-${entry.time}`}>
            <td>{when(entry.time)}</td>
            <td>{entry.phase === 'attempt' ? 'Attempt (before 8x8 was called)' : 'Outcome'}</td>
            <td>
              {entry.operator ?? 'No sign-in'}
              {entry.role && ` · ${entry.role}`}
            </td>
            <td>
              {auditAction[entry.action]} {entry.flowName && <>“{entry.flowName}”</>} <code className="small">{entry.flowId}</code>
            </td>
            <td>
              {entry.result ?? ''} {entry.status !== undefined && `(HTTP ${entry.status}${entry.durationMs === undefined ? '' : `, ${entry.durationMs} ms`})`}
              <SentVersion entry={entry} />
            </td>
            <td>
              {entry.code !== undefined && <code>{String(entry.code)}</code>} {entry.errorId && <code className="selectable">{entry.errorId}</code>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Section({ children }: { children: ReactNode }) {
  return (
    <section className="lookup" aria-label="Lookup result">
      {children}
    </section>
  )
}

/** Everything this server recorded about one Error ID or request ID, ready to copy into a ticket. */
export function LookupView({ id: raw, channels }: { id: string; channels: Channel[] }) {
  const id = cleanLookupId(raw)
  const valid = lookupIdPattern.test(id)
  const result = useQuery({ ...lookupQuery(id), enabled: valid })
  if (!valid) {
    return (
      <Section>
        <h2>Not an Error ID or request ID</h2>
        <p className="muted">An Error ID or request ID is letters, digits, “-”, “_”, “.” or “:”, up to 128 of them.</p>
      </Section>
    )
  }
  if (result.isPending) {
    return (
      <Section>
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Looking up {id}…
        </output>
      </Section>
    )
  }
  if (result.isError) {
    return (
      <Section>
        <ErrorPanel title={`Couldn't look up ${id}`} error={result.error} onRetry={() => result.refetch()} retrying={result.isFetching} />
      </Section>
    )
  }
  const data = result.data
  if (!data.found) {
    return (
      <Section>
        <h2>Nothing found for {data.id}</h2>
        <p className="muted">
          Searched this server's records: requests that failed in the last {data.retentionDays} days, and the audit trail of every
          delete and deprecation. An Error ID made in the browser (reported by “This browser”) never reached the server; look for it
          in the operator's Recent errors.
        </p>
      </Section>
    )
  }
  return (
    <Section>
      <div className="lookup__header">
        <h2>
          {data.failures.length > 0 ? `${data.failures.length === 1 ? 'A failed request' : `${data.failures.length} failed requests`}` : 'Audit trail'} for{' '}
          <code className="selectable">{data.id}</code>
        </h2>
        <CopyButton text={detailsText(data, channels)} label="Copy details" />
      </div>
      {data.failures.length > 0
        ? data.failures.map((failure) => <FactList key={failure.errorId} list={facts(failure, auditOf(data, failure), channels)} />)
        : <FactList list={facts(undefined, data.audit, channels)} />}
      {data.audit.length > 0 && <AuditTable entries={data.audit} />}
    </Section>
  )
}
