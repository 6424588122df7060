import { useParams } from 'react-router'
import { DeletedFlowsView } from '../../features/flows/flow-changes-chunk'
import { configuredChannel } from '../../shared/flow'
import { paths } from '../paths'
import { UnknownChannel } from './unknown-channel'
import { WithConfig } from './with-config'

/**
 * `/accounts/:accountId/channels/:channelId/deleted`: the copies kept of a channel's deleted flows.
 * Loaded when opened (the router's lazy route), with the view and the restore.
 */
export function DeletedFlowsRoute() {
  const { accountId = '', channelId = '' } = useParams()
  return (
    <WithConfig>
      {(config) => {
        const channel = configuredChannel(config, accountId, channelId)
        if (!channel) return <UnknownChannel config={config} />
        return (
          <DeletedFlowsView scope={{ accountId: config.accountId, channelId: channel.id }} channel={channel} flowsHref={paths.flows.getHref(config.accountId, channel.id)} />
        )
      }}
    </WithConfig>
  )
}
