import { z } from 'zod'
import type { FlowDetails, FlowList, FlowPreview, FlowValidationError } from '../../shared/flow'
import type { FlowDetailsResponse, PreviewFlowResponse, UpstreamFlowSummary } from './api-types'

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

const validationErrorSchema = z
  .object({
    error: z.string().default(''),
    errorType: z.string().default(''),
    message: z.string().default(''),
    lineStart: z.number().optional(),
    lineEnd: z.number().optional(),
    columnStart: z.number().optional(),
    columnEnd: z.number().optional(),
    pointers: z.array(z.object({ path: z.string().optional() })).default([]),
  })
  .transform(({ pointers, ...rest }): FlowValidationError => ({
    ...rest,
    paths: pointers.flatMap((pointer) => (pointer.path ? [pointer.path] : [])),
  }))

/** The details fields we rely on, named as 8x8's spec names them (checked against the generated type). */
const flowDetailsShape = {
  flowId: z.string().min(1).optional(),
  flowJsonUrl: z.string().optional(),
  name: z.string().default(''),
  status: z.string().min(1).default('UNKNOWN'),
  categories: z.array(z.string()).default([]),
  validationErrors: z.array(validationErrorSchema).optional(),
} satisfies Partial<Record<keyof FlowDetailsResponse, z.ZodType>>

/**
 * 8x8's get-flow. Its guide and spec disagree on some names (`id` or `flowId`, `validationErrors` or
 * `validation_errors`): both are read. The JSON's address stays on the server.
 */
export const flowDetailsResponseSchema = z
  .object({ ...flowDetailsShape, id: z.string().min(1).optional(), validation_errors: z.array(validationErrorSchema).optional() })
  .transform((body, ctx) => {
    const id = body.flowId ?? body.id
    if (id === undefined) {
      ctx.addIssue({ code: 'custom', message: 'flowId is missing', path: ['flowId'] })
      return z.NEVER
    }
    const details: FlowDetails & { flowJsonUrl?: string } = {
      id,
      name: body.name,
      status: body.status,
      categories: body.categories,
      validationErrors: body.validationErrors ?? body.validation_errors ?? [],
      hasFlowJson: body.flowJsonUrl !== undefined,
      flowJsonUrl: body.flowJsonUrl,
    }
    return details
  })

/** 8x8's preview answer (snake_case, as its spec has it). */
export const previewResponseSchema = z
  .object({
    preview_url: z.url({ protocol: /^https$/ }),
    expires_at: z.string().optional(),
  } satisfies Partial<Record<keyof PreviewFlowResponse, z.ZodType>>)
  .transform((body): FlowPreview => ({ previewUrl: body.preview_url, expiresAt: body.expires_at ?? null }))
