import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { dateTimeFormat } from '../../components/date-time'
import { ErrorPanel } from '../../components/error-panel'
import type { Channel } from '../../shared/flow'
import type { FlowVersionEntry, FlowVersionSource } from '../../shared/flow-history'
import { flowDetailQueries } from '../flows/flow-changes-chunk'
import type { FlowScope } from '../flows/api/flow-queries'
import { editorHref, flowsHref, historyHref } from '../flows/flow-hrefs'
import { historyQueries, versionJsonHref } from './history-api'
import { RestoreVersion } from './restore-version'
import { VersionCompare } from './version-compare'
import { VersionPreview } from './version-preview'
import '../editor/editor.css'
import './history.css'

const sourceLabels: Record<FlowVersionSource, string> = {
  created: 'Created here',
  saved: 'Saved here',
  restored: 'Restored from an earlier version',
  'before-save': 'As it was before a save',
  seen: 'Read from 8x8 (first seen, or changed elsewhere)',
  cloned: 'Cloned',
  'deleted-copy': 'Copy kept before its delete',
  'failed-save': 'Sent in a save that failed (not at 8x8)',
  'unconfirmed-save': 'Sent in a save 8x8 did not confirm (it may have been saved)',
}

/** What made a version; a clone or a restored flow names the flow it came from, with a link to its history. */
function WhatMadeIt({ scope, version }: { scope: FlowScope; version: FlowVersionEntry }) {
  const fromFlow = version.origin?.startsWith('flow:') ? version.origin.slice('flow:'.length) : undefined
  if (!fromFlow) return <>{sourceLabels[version.source]}</>
  return (
    <>
      {version.source === 'cloned' ? 'Cloned from ' : 'Restored from a copy of '}
      <Link to={historyHref(scope, fromFlow)} aria-label={`History of flow ${fromFlow}`}>
        <code>{fromFlow}</code>
      </Link>
    </>
  )
}

const when = (version: FlowVersionEntry) => dateTimeFormat.format(Date.parse(version.takenAt))

/** A version whose text 8x8 had (not one a save sent that failed, or that 8x8 did not confirm). */
const isAt8x8 = (version: FlowVersionEntry) => version.source !== 'failed-save' && version.source !== 'unconfirmed-save'

const kb = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 1000).toFixed(1)} kB`)

/** Two versions picked to compare, or one against the flow's current JSON (the newest version). */
type Comparing = { before: FlowVersionEntry; after: FlowVersionEntry } | null

/**
 * `…/flows/:flowId/history`: every version of the flow this server has kept, newest first. Tick two to
 * compare them (or compare one with the current), download any, bring one back.
 */
export function FlowHistoryPage({ scope, channel, flowId }: { scope: FlowScope; channel: Channel; flowId: string }) {
  const history = useInfiniteQuery(historyQueries.versions(scope, flowId))
  // A deleted flow has a history but no details: its name then comes from nowhere but its ID.
  // Not an error worth keeping in Recent errors when the flow was deleted: the page says so itself.
  const details = useQuery({ ...flowDetailQueries.details(scope, flowId), retry: false, meta: {} })
  const [picked, setPicked] = useState<string[]>([])
  const newestRow = useRef<HTMLTableRowElement>(null)
  const [chosen, setComparing] = useState<Comparing>(null)
  const [previewing, setPreviewing] = useState<FlowVersionEntry | null>(null)
  // `?compare=<versionId>` (a lookup's link): that version beside the current, until another is chosen.
  const [search] = useSearchParams()
  const asked = search.get('compare')
  // Pages go on where the last one ended (a new version at the top does not shift them).
  const versions = useMemo(() => history.data?.pages.flatMap((page) => page.versions) ?? [], [history.data])
  const linked = useMemo((): Comparing => {
    const version = versions.find((candidate) => candidate.versionId === asked)
    const now = versions.find(isAt8x8)
    return version && now && version !== now ? { before: now, after: version } : null
  }, [asked, versions])
  // The version a link names may be on an older page: those load until it is there.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history
  useEffect(() => {
    if (asked !== null && !versions.some((version) => version.versionId === asked) && hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [asked, versions, hasNextPage, isFetchingNextPage, fetchNextPage])
  const comparing = chosen ?? linked
  // A deleted flow has no details at 8x8: what its latest copy kept stands in (a version comes back as a new draft).
  const first = history.data?.pages[0]
  const gone = first?.deleted
  // A refetch that failed (the flow deleted since) wins over details cached from before.
  const live = details.isError ? undefined : details.data
  const flow = live ?? (details.isError && gone ? { id: flowId, name: gone.name, status: 'DELETED', categories: gone.categories, validationErrors: [], hasFlowJson: false } : undefined)
  const name = flow?.name || flowId
  // The flow's JSON now: its newest version that 8x8 has (a failed save's never reached it; an unconfirmed one may not have).
  const current = versions.find(isAt8x8)
  const total = Math.max(first?.total ?? 0, versions.length)

  const toggle = (versionId: string, on: boolean) => setPicked((now) => (on ? [...now.filter((id) => id !== versionId), versionId].slice(-2) : now.filter((id) => id !== versionId)))
  const compareTwo = () => {
    const [older, newer] = versions.filter((version) => picked.includes(version.versionId)).toReversed()
    if (older && newer) setComparing({ before: older, after: newer })
  }

  return (
    <section className="flow-editor flow-history" aria-labelledby="history-heading">
      <div className="page-header">
        <p className="small">
          <Link to={flowsHref(scope)}>← Flows in {channel.name}</Link>
          {live?.status === 'DRAFT' && (
            <>
              {' · '}
              <Link to={editorHref(scope, flowId)}>Edit {name}</Link>
            </>
          )}
        </p>
        <h1 id="history-heading" tabIndex={-1}>
          History of {name}
        </h1>
        <p className="muted small">
          {live ? live.status : details.isError ? (gone ? 'Deleted' : 'No longer at 8x8') : ''} · ID <code className="selectable">{flowId}</code> · every JSON of this flow
          Flows Admin has kept, newest first
        </p>
      </div>

      {history.isPending && (
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading the history…
        </output>
      )}
      {history.error && <ErrorPanel title="Couldn't load the history" error={history.error} onRetry={() => history.refetch()} retrying={history.isFetching} />}
      {history.data && versions.length === 0 && (
        <div className="state state--empty">
          <h2>No versions kept yet</h2>
          <p className="muted">A version is kept when this console first reads the flow's JSON (open it in the editor), before and after every save, and before a delete.</p>
        </div>
      )}

      {versions.length > 0 && (
        <>
          <div className="toolbar toolbar--status">
            <span className="toolbar__count" aria-live="polite">
              {versions.length < total ? `${versions.length} of ${total} versions` : `${total} ${total === 1 ? 'version' : 'versions'}`}
            </span>
            <button type="button" className="button" aria-disabled={picked.length !== 2} onClick={() => picked.length === 2 && compareTwo()}>
              Compare selected ({picked.length} of 2)
            </button>
          </div>
          <table className="data-table history-table">
            <caption className="visually-hidden">Versions of {name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Compare</span>
                </th>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">Size</th>
                <th scope="col">Meta's errors</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version, index) => (
                // The newest row takes the focus after a version was brought back (it is that version).
                <tr key={version.versionId} ref={index === 0 ? newestRow : undefined} tabIndex={index === 0 ? -1 : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select the version of ${when(version)} to compare`}
                      checked={picked.includes(version.versionId)}
                      onChange={(event) => toggle(version.versionId, event.target.checked)}
                    />
                  </td>
                  <th scope="row">{when(version)}</th>
                  <td data-label="What">
                    <WhatMadeIt scope={scope} version={version} />
                  </td>
                  <td data-label="Who">{version.takenBy ?? '–'}</td>
                  <td data-label="Size">{kb(version.size)}</td>
                  <td data-label="Meta's errors">{version.validationErrorCount}</td>
                  <td className="data-table__actions">
                    {current && version !== current && (
                      <button type="button" className="button button--quiet" onClick={() => setComparing({ before: version, after: current })}>
                        Compare with current
                      </button>
                    )}
                    <button type="button" className="button button--quiet" aria-label={`Preview the version of ${when(version)}`} onClick={() => setPreviewing(version)}>
                      Preview
                    </button>
                    <a className="button button--quiet" href={versionJsonHref(scope, flowId, version.versionId)} download aria-label={`Download the version of ${when(version)}`}>
                      Download
                    </a>
                    {flow && (version !== current || flow.status !== 'DRAFT') && <RestoreVersion scope={scope} flow={flow} version={version} label={when(version)} focusAfter={() => newestRow.current} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hasNextPage && (
            <p className="history-more">
              {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's body. */}
              <button type="button" className="button" aria-disabled={isFetchingNextPage} onClick={() => isFetchingNextPage || void fetchNextPage()}>
                {isFetchingNextPage ? 'Loading older versions…' : `Show older versions (${total - versions.length} more)`}
              </button>
            </p>
          )}
          {history.isFetchNextPageError && history.error && (
            <ErrorPanel title="Couldn't load the older versions" error={history.error} onRetry={() => fetchNextPage()} retrying={isFetchingNextPage} />
          )}
        </>
      )}

      {previewing && <VersionPreview key={previewing.versionId} scope={scope} flowId={flowId} version={previewing} label={when(previewing)} onClose={() => setPreviewing(null)} />}

      {comparing && (
        <VersionCompare scope={scope} flowId={flowId} before={comparing.before} after={comparing.after} labelOf={(version) => `${when(version)} · ${sourceLabels[version.source]}`} />
      )}
    </section>
  )
}
