import { z } from 'zod'
import type { FlowTemplate } from '../../shared/deleted-flows'
import type { FlowDetails, FlowList, FlowPreview, FlowValidationError } from '../../shared/flow'
import type {
  CreateFlowResponse,
  UpdateFlowResponse,
  FlowDetailsResponse,
  PreviewFlowResponse,
  UpstreamFlowSummary,
  UpstreamTemplate,
  UpstreamTemplateButton,
  UpstreamTemplateComponent,
} from './api-types'

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

/** What a backup needs beyond the details the browser sees. */
export type FlowForBackup = FlowDetails & { flowJsonUrl?: string; endPointUri?: string }

/**
 * 8x8's get-flow. Its guide and spec disagree on some names (`id` or `flowId`, `validationErrors` or
 * `validation_errors`): both are read. The JSON's address stays on the server.
 */
export const flowDetailsResponseSchema = z
  .object({
    ...flowDetailsShape,
    id: z.string().min(1).optional(),
    validation_errors: z.array(validationErrorSchema).optional(),
    // Not in get-flow's documented shape, but create and update take it: kept for a restore when 8x8 tells it.
    endPointUri: z.string().optional().catch(undefined),
  })
  .transform((body, ctx) => {
    const id = body.flowId ?? body.id
    if (id === undefined) {
      ctx.addIssue({ code: 'custom', message: 'flowId is missing', path: ['flowId'] })
      return z.NEVER
    }
    const details: FlowForBackup = {
      id,
      name: body.name,
      status: body.status,
      categories: body.categories,
      validationErrors: body.validationErrors ?? body.validation_errors ?? [],
      hasFlowJson: body.flowJsonUrl !== undefined,
      flowJsonUrl: body.flowJsonUrl,
      ...(body.endPointUri === undefined ? {} : { endPointUri: body.endPointUri }),
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

/**
 * 8x8's create-flow: the spec says 200 `{id, success, validationErrors?}`, the guide 201 with
 * `{id, …, validation_errors}`. Without an id nothing was created (or nothing can be acted on).
 */
export const createFlowResponseSchema = z
  .object({
    id: z.string().min(1).optional(),
    flowId: z.string().min(1).optional(),
    success: z.boolean().optional(),
    validationErrors: z.array(validationErrorSchema).optional(),
    validation_errors: z.array(validationErrorSchema).optional(),
  } satisfies Partial<Record<keyof CreateFlowResponse | 'flowId' | 'validation_errors', z.ZodType>>)
  .transform((body) => ({
    id: body.id ?? body.flowId,
    success: body.success ?? true,
    validationErrors: body.validationErrors ?? body.validation_errors ?? [],
  }))

/** 8x8's update-flow: `{id?, success, validationErrors?}`; a save with errors is still a save (`success: true`). */
export const updateFlowResponseSchema = z
  .object({
    success: z.boolean().default(true),
    validationErrors: z.array(validationErrorSchema).optional(),
    validation_errors: z.array(validationErrorSchema).optional(),
  } satisfies Partial<Record<keyof UpdateFlowResponse | 'validation_errors', z.ZodType>>)
  .transform((body) => ({ success: body.success, validationErrors: body.validationErrors ?? body.validation_errors ?? [] }))

const templateButtonShape = {
  type: z.string().optional().catch(undefined),
  flowId: z.string().optional().catch(undefined),
} satisfies Partial<Record<keyof UpstreamTemplateButton, z.ZodType>>

const templateComponentShape = {
  buttons: z.array(z.object(templateButtonShape)).optional().catch(undefined),
} satisfies Partial<Record<keyof UpstreamTemplateComponent, z.ZodType>>

const templateShape = {
  templateName: z.string().default(''),
  language: z.string().default(''),
  status: z.string().default('UNKNOWN'),
  components: z.array(z.object(templateComponentShape)).default([]),
} satisfies Partial<Record<keyof UpstreamTemplate, z.ZodType>>

/**
 * 8x8's templates list, reduced to what Flows Admin needs: the templates whose FLOW buttons launch a
 * flow, and which flows. A template whose other parts do not parse is still read for its buttons.
 */
export const listTemplatesResponseSchema = z
  .object({ templates: z.array(z.object(templateShape)).default([]) })
  .transform(({ templates }) => ({
    templates: templates.flatMap((template): FlowTemplate[] => {
      const flowIds = [
        ...new Set(
          template.components.flatMap((component) =>
            (component.buttons ?? []).flatMap((button) => (button.type === 'FLOW' && button.flowId ? [button.flowId] : [])),
          ),
        ),
      ]
      return flowIds.length === 0 ? [] : [{ name: template.templateName, language: template.language, status: template.status, flowIds }]
    }),
  }))
