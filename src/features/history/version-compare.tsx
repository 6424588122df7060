import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { ErrorPanel } from '../../components/error-panel'
import type { FlowVersionEntry } from '../../shared/flow-history'
import type { FlowScope } from '../flows/api/flow-queries'
import { TextDifference } from '../editor/text-difference'
import { LazyComparePhones } from '../preview/lazy-preview'
import { comparedByLines, diffSummary, summaryText } from './diff-summary'
import { historyQueries } from './history-api'

type VersionCompareProps = {
  scope: FlowScope
  flowId: string
  /** The older text, on the left. */
  before: FlowVersionEntry
  after: FlowVersionEntry
  labelOf: (version: FlowVersionEntry) => string
}

/** Two versions side by side, with a one-line summary above: screens changed, added, removed; lines. */
export function VersionCompare({ scope, flowId, before, after, labelOf }: VersionCompareProps) {
  const older = useQuery(historyQueries.text(scope, flowId, before.versionId))
  const newer = useQuery(historyQueries.text(scope, flowId, after.versionId))
  const heading = useRef<HTMLHeadingElement>(null)
  // A new comparison takes the focus to its heading (the table above stays where it was).
  const pair = `${before.versionId} ${after.versionId}`
  useEffect(() => {
    if (pair) heading.current?.focus()
  }, [pair])
  const summary = useMemo(() => (older.data !== undefined && newer.data !== undefined ? summaryText(diffSummary(older.data, newer.data)) : undefined), [older.data, newer.data])
  const byLines = older.data !== undefined && newer.data !== undefined && comparedByLines(older.data, newer.data)
  const error = older.error ?? newer.error
  return (
    <section className="version-compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading" ref={heading} tabIndex={-1}>
        Difference
      </h2>
      {error && <ErrorPanel title="Couldn't load a version" error={error} onRetry={() => Promise.all([older.refetch(), newer.refetch()])} retrying={older.isFetching || newer.isFetching} />}
      {!error && summary === undefined && <p className="muted">Loading both versions…</p>}
      {summary !== undefined && (
        <>
          <p className="version-compare__summary" aria-live="polite">
            {summary}
            {byLines && (
              <span className="small muted">
                {' '}
                These versions are too large to compare character by character: changed lines are marked whole.
              </span>
            )}
          </p>
          <TextDifference before={older.data!} after={newer.data!} beforeLabel={labelOf(before)} afterLabel={labelOf(after)} byLines={byLines} />
          <h3 className="version-compare__phones">On the phone</h3>
          <LazyComparePhones before={older.data!} after={newer.data!} beforeLabel={labelOf(before)} afterLabel={labelOf(after)} />
        </>
      )}
    </section>
  )
}
