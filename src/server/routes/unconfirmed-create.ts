import { proxyErrorCodes } from '../../shared/error-codes'
import { flowListLimit } from '../../shared/ids'
import type { AuditLog } from '../audit/audit-log'
import type { UpstreamClient } from '../upstream/client'
import { ProxyError } from '../upstream/errors'
import { sameFlowName } from './flow-names'

/** How long after a create that 8x8 did not confirm a second of the same name is checked against the list. */
const unconfirmedCreateMs = 30 * 60_000

const channelHas = (ids: string[]) =>
  ids.length === 1 ? `the channel has a draft of that name (ID ${ids[0]})` : `the channel has ${ids.length} drafts of that name (IDs ${ids.join(', ')})`

/**
 * A create (or clone) that 8x8 did not confirm (no answer in time) may have made its draft. Before a
 * second of the same name (as 8x8 compares names: flow-names.ts), the audit trail is asked for such a create in the last 30 minutes; if there
 * is one and the channel now has a draft of that name, the second would make a twin: refused (409
 * CREATE_NOT_CONFIRMED), naming the draft. Nothing else costs a call: without an unconfirmed create,
 * no list is read.
 */
export function twinGuard({ audit, upstream }: { audit: Pick<AuditLog, 'recent'>; upstream: Pick<UpstreamClient, 'listFlows'> }) {
  return async function refuseTwinOfUnconfirmedCreate(scope: { accountId: string; channelId: string }, name: string) {
    const since = Date.now() - unconfirmedCreateMs
    const earlier = (await audit.recent(scope, 50)).find(
      (entry) =>
        (entry.action === 'flow.create' || entry.action === 'flow.clone') && entry.result === 'unknown' && entry.flowName !== undefined && sameFlowName(entry.flowName, name) && Date.parse(entry.time) >= since,
    )
    if (!earlier) return
    // As 8x8 has it now, within the budget kept for changes.
    const { flows } = await upstream.listFlows(scope, { limit: flowListLimit.max }, { fresh: true, priority: 'change' })
    const twins = flows.filter((flow) => flow.status === 'DRAFT' && sameFlowName(flow.name, name)).map((flow) => flow.id)
    if (twins.length === 0) return
    throw new ProxyError(
      409,
      proxyErrorCodes.createNotConfirmed,
      `A create of “${name}” at ${earlier.time.slice(11, 19)} UTC was not confirmed by 8x8, and ${channelHas(twins)}: it is probably that one. Open it, or give the new flow another name.`,
    )
  }
}
