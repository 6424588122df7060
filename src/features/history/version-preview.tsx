import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { ErrorPanel } from '../../components/error-panel'
import type { FlowVersionEntry } from '../../shared/flow-history'
import type { FlowScope } from '../flows/api/flow-queries'
import { LazyLivePreview } from '../preview/lazy-preview'
import { historyQueries } from './history-api'

type VersionPreviewProps = { scope: FlowScope; flowId: string; version: FlowVersionEntry; label: string; onClose: () => void }

const noFindings: never[] = []

/** One kept version on the phone, as a customer would have seen it. */
export function VersionPreview({ scope, flowId, version, label, onClose }: VersionPreviewProps) {
  const text = useQuery(historyQueries.text(scope, flowId, version.versionId))
  const heading = useRef<HTMLHeadingElement>(null)
  // Keyed by version in the page: each version previewed takes the focus to this heading once.
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="version-preview" aria-labelledby="version-preview-heading">
      <div className="version-preview__head">
        <h2 id="version-preview-heading" ref={heading} tabIndex={-1}>
          Preview of the version of {label}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close the preview
        </button>
      </div>
      {text.error ? (
        <ErrorPanel title="Couldn't load the version" error={text.error} onRetry={() => text.refetch()} retrying={text.isFetching} />
      ) : text.data === undefined ? (
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading the version…
        </output>
      ) : (
        <LazyLivePreview text={text.data} findings={noFindings} label={`Version of ${label}`} />
      )}
    </section>
  )
}
