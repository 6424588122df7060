import { useQuery } from '@tanstack/react-query'
import { ErrorPanel } from '../../components/error-panel'
import type { FlowScope } from '../flows/api/flow-queries'
import { readFlowSource } from '../flows/flow-changes-chunk'
import { LazyLivePreview } from './lazy-preview'

const noFindings: never[] = []

/**
 * A saved flow's phone preview, alone on its page (`…/flows/:flowId/phone`): what the sandbox's
 * `preview_url` opens, framed in the editor as Meta's page would be. Covers the console's frame.
 */
export function SavedFlowPhone({ scope, flowId }: { scope: FlowScope; flowId: string }) {
  const source = useQuery({
    queryKey: ['flow-source', 'phone', scope, flowId],
    queryFn: ({ signal }) => readFlowSource(scope, flowId, signal),
    meta: { action: `Load the JSON of flow ${flowId}` },
  })
  return (
    <div className="saved-flow-phone">
      <p className="small muted">Sandbox: this console's preview of the saved JSON, in place of Meta's page.</p>
      {source.error ? (
        <ErrorPanel title="Couldn't load the saved JSON" error={source.error} onRetry={() => source.refetch()} retrying={source.isFetching} />
      ) : source.data ? (
        <LazyLivePreview text={source.data.json} findings={noFindings} label="Saved flow" />
      ) : (
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading the saved JSON…
        </output>
      )}
    </div>
  )
}
