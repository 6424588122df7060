import { useQueryClient } from '@tanstack/react-query'
import { Suspense } from 'react'
import { useNavigate, useParams } from 'react-router'
import { useAfterFirstContent } from '../../components/after-first-content'
import { retryableLazy } from '../../components/retryable-lazy'
import { auditQueries } from '../../features/audit/api/audit-queries'
import { ChannelFlows } from '../../features/flows/components/channel-flows'
import { ChannelPicker } from '../../features/flows/components/channel-picker'
import { configuredChannel, type AppConfig } from '../../shared/flow'
import { paths } from '../paths'
import { WithConfig } from './with-config'

// Only for a link to a channel this deployment does not serve.
const UnknownChannel = retryableLazy(() => import('./unknown-channel').then((module) => ({ default: module.UnknownChannel })))

// Below the fold: loaded (and its audit trail asked for) once the flows are on screen.
const RecentActivity = retryableLazy(() =>
  import('../../features/audit/components/recent-activity').then((module) => ({ default: module.RecentActivity })),
)

/** The flows of the channel the address names (rendered by the server first, when it served the page). */
export function FlowsRoute() {
  return <WithConfig>{(config) => <ConfiguredFlows config={config} />}</WithConfig>
}

function ConfiguredFlows({ config }: { config: AppConfig }) {
  const { accountId = '', channelId = '' } = useParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { channels } = config
  const later = useAfterFirstContent()
  const channel = configuredChannel(config, accountId, channelId)
  if (!channel)
    return (
      <Suspense fallback={null}>
        <UnknownChannel config={config} />
      </Suspense>
    )

  const scope = { accountId: config.accountId, channelId: channel.id }
  return (
    <>
      <ChannelFlows
        key={channel.id}
        accountId={config.accountId}
        channel={channel}
        channelPicker={
          <ChannelPicker
            channels={channels}
            value={channel.id}
            onChange={(id) => navigate(paths.flows.getHref(config.accountId, id))}
          />
        }
        onChangeSettled={() => void queryClient.invalidateQueries({ queryKey: auditQueries.all() })}
        deletedFlowsHref={paths.deletedFlows.getHref(config.accountId, channel.id)}
      />
      {later && (
        <Suspense fallback={null}>
          <RecentActivity key={channel.id} scope={scope} channelName={channel.name} />
        </Suspense>
      )}
    </>
  )
}
