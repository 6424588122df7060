import { lazy, Suspense } from 'react'
import { useParams } from 'react-router'
import { configuredChannel } from '../../shared/flow'
import { paths } from '../paths'
import { UnknownChannel } from './unknown-channel'
import { WithConfig } from './with-config'

// Not part of the first page: in the chunk the flows page preloads after its first paint.
const DeletedFlowsView = lazy(() => import('../../features/flows/flow-changes-chunk').then((m) => ({ default: m.DeletedFlowsView })))

/** `/accounts/:accountId/channels/:channelId/deleted`: the copies kept of a channel's deleted flows. */
export function DeletedFlowsRoute() {
  const { accountId = '', channelId = '' } = useParams()
  return (
    <WithConfig>
      {(config) => {
        const channel = configuredChannel(config, accountId, channelId)
        if (!channel) return <UnknownChannel config={config} />
        return (
          <Suspense fallback={<output className="state">Loading deleted flows…</output>}>
            <DeletedFlowsView scope={{ accountId: config.accountId, channelId: channel.id }} channel={channel} flowsHref={paths.flows.getHref(config.accountId, channel.id)} />
          </Suspense>
        )
      }}
    </WithConfig>
  )
}
