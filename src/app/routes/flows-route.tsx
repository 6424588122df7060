import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect } from 'react'
import { useNavigate, useParams } from 'react-router'
import { auditQueries } from '../../features/audit/api/audit-queries'
import { ChannelFlows } from '../../features/flows/components/channel-flows'
import { ChannelPicker } from '../../features/flows/components/channel-picker'
import { flowQueries } from '../../features/flows/api/flow-queries'
import { templateQueries } from '../../features/flows/api/flow-templates'
import type { AppConfig } from '../../shared/flow'
import { configuredChannel } from '../../shared/flow'
import { paths } from '../paths'
import { UnknownChannel } from './unknown-channel'
import { WithConfig } from './with-config'

// Below the fold, and not needed for the first paint of the flows.
const RecentActivity = lazy(() =>
  import('../../features/audit/components/recent-activity').then((module) => ({ default: module.RecentActivity })),
)

export function FlowsRoute() {
  const { accountId = '', channelId = '' } = useParams()
  const queryClient = useQueryClient()
  // The address names the channel already: its list is asked for now, beside /api/config, not after it
  // (a round trip saved on the way to the first row). Without `meta.action`: should the channel turn out
  // not to be configured, its 404 is not one of the operator's Recent errors. ChannelFlows' own query
  // (same key) takes the answer, or asks again if the configuration spells the ids differently.
  useEffect(() => {
    const { queryKey, queryFn } = flowQueries.list({ accountId, channelId })
    void queryClient.prefetchQuery({ queryKey, queryFn })
    void queryClient.prefetchQuery(templateQueries.list({ accountId, channelId }))
  }, [queryClient, accountId, channelId])
  return <WithConfig>{(config) => <ConfiguredFlows config={config} />}</WithConfig>
}

function ConfiguredFlows({ config }: { config: AppConfig }) {
  const { accountId = '', channelId = '' } = useParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { channels } = config
  const channel = configuredChannel(config, accountId, channelId)
  if (!channel) return <UnknownChannel config={config} />

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
      <Suspense fallback={null}>
        <RecentActivity key={channel.id} scope={scope} channelName={channel.name} />
      </Suspense>
    </>
  )
}
