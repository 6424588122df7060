import type { Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { checkFlowJson } from '../../shared/flow-json-checks'
import { flowCategories } from '../../shared/flow-edit'
import type { CreateFlowResponse, UpdateFlowResponse } from '../upstream/api-types'
import { asSeedErrors, type SeedFlow } from './seed'

type WriteDependencies = {
  flowsPath: string
  channels: Map<string, Map<string, SeedFlow>>
  flowOf: (c: Context) => SeedFlow | undefined
  fail: (c: Context, status: ContentfulStatusCode, code: number, message: string) => Response
  newFlowId: () => string
  /** The JSON the CDN serves for a flow (a clone copies it). */
  jsonOf: (flow: SeedFlow) => string
}

/** What the body may hold, checked as 8x8 does (a 400 with code 1000 for anything malformed). */
function fieldsOf(body: Record<string, unknown>): { problem: string } | { name?: string; categories?: SeedFlow['categories']; flowJson?: string; endPointUri?: string; cloneFlowId?: string } {
  const { name, categories, flowJson, endPointUri, cloneFlowId } = body
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || name.length > 200)) return { problem: 'name must be 1 to 200 characters' }
  if (categories !== undefined && (!Array.isArray(categories) || categories.length === 0 || !categories.every((category) => (flowCategories as readonly unknown[]).includes(category)))) {
    return { problem: `categories must be one or more of ${flowCategories.join(', ')}` }
  }
  if (flowJson !== undefined && typeof flowJson !== 'string') return { problem: 'flowJson must be a string' }
  if (endPointUri !== undefined && (typeof endPointUri !== 'string' || !URL.canParse(endPointUri))) return { problem: 'endPointUri must be a URI' }
  if (cloneFlowId !== undefined && typeof cloneFlowId !== 'string') return { problem: 'cloneFlowId must be a string' }
  return { name, categories, flowJson, endPointUri, cloneFlowId } as ReturnType<typeof fieldsOf>
}

/**
 * The emulator's create, update and publish, as 8x8 documents them: a draft with errors in its JSON is
 * saved, and the answer lists Meta's findings (`success: true` with `validationErrors`); a draft with
 * errors cannot be published; only drafts can be updated or published.
 */
export function flowWrites(app: Hono<{ Bindings: { callerSignal?: AbortSignal } }>, { flowsPath, channels, flowOf, fail, newFlowId, jsonOf }: WriteDependencies) {
  const findAnywhere = (channelId: string, flowId: string) => channels.get(channelId)?.get(flowId)

  app.post(flowsPath, async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined)
    if (typeof body !== 'object' || body === null) return fail(c, 400, 1000, 'The request body must be a JSON object')
    const fields = fieldsOf(body as Record<string, unknown>)
    if ('problem' in fields) return fail(c, 400, 1000, fields.problem)
    if (fields.name === undefined) return fail(c, 400, 1000, 'name is required (1 to 200 characters)')
    if (fields.categories === undefined) return fail(c, 400, 1000, `categories must be one or more of ${flowCategories.join(', ')}`)
    const source = fields.cloneFlowId === undefined ? undefined : findAnywhere(c.req.param('channelId') ?? '', fields.cloneFlowId)
    if (fields.cloneFlowId !== undefined && !source) return fail(c, 404, 1300, 'Flow to clone not found')
    const flowJson = fields.flowJson ?? (source && jsonOf(source))
    const errors = flowJson === undefined ? [] : asSeedErrors(checkFlowJson(flowJson))
    const flow: SeedFlow = {
      id: newFlowId(),
      name: fields.name,
      status: 'DRAFT',
      categories: fields.categories,
      validationErrors: errors,
      ...(flowJson === undefined ? {} : { flowJson }),
      ...(fields.endPointUri === undefined ? {} : { endPointUri: fields.endPointUri }),
    }
    channels.get(c.req.param('channelId') ?? '')!.set(flow.id, flow)
    const answer: CreateFlowResponse = { id: flow.id, success: true, ...(errors.length > 0 ? { validationErrors: errors } : {}) }
    return c.json(answer)
  })

  app.put(`${flowsPath}/:flowId`, async (c) => {
    const flow = flowOf(c)
    if (!flow) return fail(c, 404, 1300, 'Flow not found')
    const body: unknown = await c.req.json().catch(() => undefined)
    if (typeof body !== 'object' || body === null || Object.keys(body).length === 0) return fail(c, 400, 1000, 'The request body must name at least one property')
    const fields = fieldsOf(body as Record<string, unknown>)
    if ('problem' in fields) return fail(c, 400, 1000, fields.problem)
    if (flow.status !== 'DRAFT') return fail(c, 400, 1000, 'Flow must be in DRAFT status')
    if (fields.name !== undefined) flow.name = fields.name
    if (fields.categories !== undefined) flow.categories = fields.categories
    if (fields.endPointUri !== undefined) flow.endPointUri = fields.endPointUri
    if (fields.flowJson !== undefined) {
      flow.flowJson = fields.flowJson
      flow.validationErrors = asSeedErrors(checkFlowJson(fields.flowJson))
    }
    const errors = flow.validationErrors ?? []
    const answer: UpdateFlowResponse = { id: flow.id, success: true, ...(errors.length > 0 ? { validationErrors: errors } : {}) }
    return c.json(answer)
  })

  app.post(`${flowsPath}/:flowId/publish`, (c) => {
    const flow = flowOf(c)
    if (!flow) return fail(c, 404, 1300, 'Flow not found')
    if (flow.status !== 'DRAFT') return fail(c, 400, 1000, 'Flow must be in DRAFT status')
    if ((flow.validationErrors ?? []).length > 0) return fail(c, 400, 1000, 'Flow has validation errors and cannot be published')
    flow.status = 'PUBLISHED'
    return c.body(null, 200)
  })
}
