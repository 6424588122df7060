import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, useParams } from 'react-router'
import type { ApiError } from '../../api/api-error'
import { ErrorPanel } from '../../components/error-panel'
import { FlowEditor } from '../../features/editor/flow-editor'
import { FlowHistoryPage } from '../../features/history/flow-history-page'
import { SavedFlowPhone } from '../../features/preview/saved-flow-phone'
import { preloadPreview } from '../../features/preview/preview-loader'
import { flowDetailQueries, readFlowSource } from '../../features/flows/flow-changes-chunk'
import type { FlowScope } from '../../features/flows/api/flow-queries'
import { flowsHref } from '../../features/flows/flow-hrefs'
import { configuredChannel, type Channel } from '../../shared/flow'
import { NotFoundRoute } from './not-found-route'
import { UnknownChannel } from './unknown-channel'
import { WithConfig } from './with-config'

/** Read again every 5 s while the server does not answer (the browser made the error): the editor opens by itself once it does. */
const whileUnreachable = (query: { state: { error: ApiError | null } }) => (query.state.error?.source === 'network' ? 5000 : false)

/** An existing flow: its details and its JSON as 8x8 has them now, read once for the editor. */
function EditFlow({ scope, channel, flowId }: { scope: FlowScope; channel: Channel; flowId: string }) {
  const details = useQuery({ ...flowDetailQueries.details(scope, flowId), refetchOnWindowFocus: false, refetchInterval: whileUnreachable })
  // The text the editor starts from and the ETag a save sends back: read once, never refreshed under the operator.
  const source = useQuery({
    queryKey: ['flow-source', scope, flowId],
    queryFn: ({ signal }) => readFlowSource(scope, flowId, signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchInterval: whileUnreachable,
    meta: { action: `Load the JSON of flow ${flowId}` },
  })
  const error = details.error ?? source.error
  if (error) {
    return (
      <>
        <p className="small">
          <Link to={flowsHref(scope)}>← Flows in {channel.name}</Link>
        </p>
        <ErrorPanel
          title="Couldn't open the flow in the editor"
          error={error}
          onRetry={() => Promise.all([details.refetch(), source.refetch()])}
          retrying={details.isFetching || source.isFetching}
        />
      </>
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

type EditorPage = 'edit' | 'history' | 'phone'

/** What follows `…/flows/`: `new`, `<flowId>/edit`, `<flowId>/history` or `<flowId>/phone`; anything else is not a page. */
function editorTarget(rest: string): { flowId?: string; page: EditorPage } | undefined {
  if (rest === 'new') return { page: 'edit' }
  const match = /^([^/]+)\/(edit|history|phone)$/.exec(rest)
  return match ? { flowId: match[1], page: match[2] as EditorPage } : undefined
}

/**
 * `…/flows/new`, `…/flows/:flowId/edit` and `…/flows/:flowId/history`: the flow editor and history, loaded when opened (CodeMirror comes
 * with it, never with the first page).
 */
export function FlowEditorRoute() {
  const { accountId = '', channelId = '', '*': rest = '' } = useParams()
  // The phone's code comes while the flow's JSON is read, not after it.
  useEffect(() => preloadPreview(), [])
  const target = editorTarget(rest)
  if (!target) return <NotFoundRoute />
  const { flowId, page } = target
  return (
    <WithConfig>
      {(config) => {
        const channel = configuredChannel(config, accountId, channelId)
        if (!channel) return <UnknownChannel config={config} />
        const scope = { accountId: config.accountId, channelId: channel.id }
        if (flowId && page === 'history') return <FlowHistoryPage scope={scope} channel={channel} flowId={flowId} />
        if (flowId && page === 'phone') return <SavedFlowPhone scope={scope} flowId={flowId} />
        return flowId ? <EditFlow scope={scope} channel={channel} flowId={flowId} /> : <FlowEditor key="new" scope={scope} channel={channel} />
      }}
    </WithConfig>
  )
}
