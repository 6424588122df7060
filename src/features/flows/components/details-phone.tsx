import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorPanel } from '../../../components/error-panel'
import { LazyLivePreview } from '../../preview/lazy-preview'
import { readFlowSource } from '../flow-changes-chunk'
import type { FlowScope } from '../api/flow-queries'

const noFindings: never[] = []

/** The flow's current JSON on a phone, in the details panel: asked for, never loaded with the panel. */
export function DetailsPhone({ scope, flowId }: { scope: FlowScope; flowId: string }) {
  const [shown, setShown] = useState(false)
  const source = useQuery({
    queryKey: ['flow-source', 'details', scope, flowId],
    queryFn: ({ signal }) => readFlowSource(scope, flowId, signal),
    enabled: shown,
    meta: { action: `Load the JSON of flow ${flowId}` },
  })
  return (
    <>
      <button type="button" className="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide the preview' : 'Preview'}
      </button>
      {shown &&
        (source.error ? (
          <ErrorPanel title="Couldn't load the JSON to preview" error={source.error} onRetry={() => source.refetch()} retrying={source.isFetching} />
        ) : source.data ? (
          <div className="details__phone">
            <LazyLivePreview text={source.data.json} findings={noFindings} label="Preview of the current JSON" />
          </div>
        ) : (
          <output className="state">
            <span className="spinner" aria-hidden="true" /> Loading the JSON…
          </output>
        ))}
    </>
  )
}
