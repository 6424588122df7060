import type { FlowScope } from './api/flow-queries'

/** The console's own addresses of a channel's flows and of a flow's editor (the app's routes match them). */
export function flowsHref({ accountId, channelId }: FlowScope): string {
  return `/accounts/${encodeURIComponent(accountId)}/channels/${encodeURIComponent(channelId)}/flows`
}

export function editorHref(scope: FlowScope, flowId: string): string {
  return `${flowsHref(scope)}/${encodeURIComponent(flowId)}/edit`
}

export function newFlowHref(scope: FlowScope): string {
  return `${flowsHref(scope)}/new`
}

export function historyHref(scope: FlowScope, flowId: string): string {
  return `${flowsHref(scope)}/${encodeURIComponent(flowId)}/history`
}
