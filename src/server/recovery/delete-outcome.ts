import type { FlowPathParams } from '../upstream/api-types'
import type { UpstreamClient } from '../upstream/client'
import { UpstreamError } from '../upstream/errors'

/**
 * How long after its copy was taken a delete is surely over: the copy is taken, then the DELETE waits
 * for the rate budget (at most 5 s) and for 8x8 (at most the timeout). A copy still unsettled after
 * this belongs to a request that was cut off (a crash, a restart, a database outage).
 */
export function deleteSettledWithinMs(upstreamTimeoutMs: number): number {
  return upstreamTimeoutMs + 15_000
}

/**
 * Whether 8x8 still has the flow, asked with a read: `gone` on 8x8's 404, `there` when it answers
 * with the flow. Any other failure (8x8 down, the budget spent) is thrown: nothing can be said yet.
 */
export async function flowAtUpstream(upstream: UpstreamClient, params: FlowPathParams): Promise<'gone' | 'there'> {
  try {
    await upstream.getFlow(params, { priority: 'change' })
    return 'there'
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 404) return 'gone'
    throw error
  }
}
