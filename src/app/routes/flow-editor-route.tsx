import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { ErrorPanel } from '../../components/error-panel'
import { FlowEditor } from '../../features/editor/flow-editor'
import { flowDetailQueries, readFlowSource } from '../../features/flows/flow-changes-chunk'
import type { FlowScope } from '../../features/flows/api/flow-queries'
import { configuredChannel, type Channel } from '../../shared/flow'
import { NotFoundRoute } from './not-found-route'
import { UnknownChannel } from './unknown-channel'
import { WithConfig } from './with-config'

/** An existing flow: its details and its JSON as 8x8 has them now, read once for the editor. */
function EditFlow({ scope, channel, flowId }: { scope: FlowScope; channel: Channel; flowId: string }) {
  const details = useQuery({ ...flowDetailQueries.details(scope, flowId), refetchOnWindowFocus: false })
  // The text the editor starts from and the ETag a save sends back: read once, never refreshed under the operator.
  const source = useQuery({
    queryKey: ['flow-source', scope, flowId],
    queryFn: ({ signal }) => readFlowSource(scope, flowId, signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    meta: { action: `Load the JSON of flow ${flowId}` },
  })
  const error = details.error ?? source.error
  if (error) {
    return (
      <ErrorPanel
        title="Couldn't open the flow in the editor"
        error={error}
        onRetry={() => Promise.all([details.refetch(), source.refetch()])}
        retrying={details.isFetching || source.isFetching}
      />
    )
  }
  if (!details.data || !source.data) {
    return (
      <output className="state">
        <span className="spinner" aria-hidden="true" /> Loading the flow…
      </output>
    )
  }
  return <FlowEditor key={flowId} scope={scope} channel={channel} flow={{ details: details.data, json: source.data.json, etag: source.data.etag }} />
}

/** What follows `…/flows/`: `new`, or `<flowId>/edit`; anything else is not a page. */
function editorTarget(rest: string): { flowId?: string } | undefined {
  if (rest === 'new') return {}
  const match = /^([^/]+)\/edit$/.exec(rest)
  return match ? { flowId: match[1] } : undefined
}

/**
 * `…/flows/new` and `…/flows/:flowId/edit`: the flow editor, loaded when opened (CodeMirror comes
 * with it, never with the first page).
 */
export function FlowEditorRoute() {
  const { accountId = '', channelId = '', '*': rest = '' } = useParams()
  const target = editorTarget(rest)
  if (!target) return <NotFoundRoute />
  const { flowId } = target
  return (
    <WithConfig>
      {(config) => {
        const channel = configuredChannel(config, accountId, channelId)
        if (!channel) return <UnknownChannel config={config} />
        const scope = { accountId: config.accountId, channelId: channel.id }
        return flowId ? <EditFlow scope={scope} channel={channel} flowId={flowId} /> : <FlowEditor key="new" scope={scope} channel={channel} />
      }}
    </WithConfig>
  )
}
