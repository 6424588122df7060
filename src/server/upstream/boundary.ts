import { z } from 'zod'
import type { FlowList } from '../../shared/flow'
import type { UpstreamFlowSummary } from './api-types'

/**
 * What the proxy accepts from 8x8's list endpoint. The spec makes every field optional and enumerates
 * three statuses; we need an id to act on a flow, and we show any other status as it is (Meta has
 * THROTTLED and BLOCKED), so status is a plain string. Unknown fields are dropped.
 * The key list is checked against the generated type: a renamed field in the spec breaks the build.
 */
const flowSummaryShape = {
  id: z.string().min(1),
  name: z.string().default(''),
  status: z.string().min(1).default('UNKNOWN'),
} satisfies Record<keyof UpstreamFlowSummary, z.ZodType>

export const listFlowsResponseSchema = z.object({
  flows: z.array(z.object(flowSummaryShape)).default([]),
}) satisfies z.ZodType<FlowList>
