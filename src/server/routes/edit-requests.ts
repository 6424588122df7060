import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { proxyErrorCodes } from '../../shared/error-codes'
import { flowCategories, flowEditLimits, flowJsonSizeProblem } from '../../shared/flow-edit'
import { restoredVersionHeaders } from '../../shared/flow-history'
import { isFlowId } from '../../shared/ids'
import type { AppEnv } from '../app-env'
import { jsonHash } from '../store/flow-versions'
import { ProxyError } from '../upstream/errors'
import { invalid } from './request-checks'

// What a create or a save may carry, checked before anything reaches 8x8: the body's fields, its size,
// the version it brings back, the ETag the JSON was read with.

const name = z.string().trim().min(1, 'name is required').max(flowEditLimits.nameLength, `name is longer than ${flowEditLimits.nameLength} characters`)
const categories = z
  .array(z.enum(flowCategories, { message: `categories must be among ${flowCategories.join(', ')}` }))
  .min(1, 'choose at least one category')
  .refine((list) => new Set(list).size === list.length, 'a category is listed twice')
const endPointUri = z
  .string()
  .max(flowEditLimits.endpointLength)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'the endpoint URL must be an https:// address')
const flowJson = z.string().min(1, 'the flow JSON is empty')
const flowId = z.string().refine(isFlowId, 'cloneFlowId is not a flow id')

export const createBody = z.strictObject({ name, categories: categories.optional(), endPointUri: endPointUri.optional(), flowJson: flowJson.optional(), cloneFlowId: flowId.optional() })
export const updateBody = z
  .strictObject({ name: name.optional(), categories: categories.optional(), endPointUri: endPointUri.optional(), flowJson: flowJson.optional() })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change: send at least one of name, categories, endPointUri, flowJson')

export async function bodyOf<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const raw: unknown = await c.req.json().catch(() => {
    throw invalid('The request body must be JSON')
  })
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '))
  return parsed.data
}

/**
 * The request's own limit: the flow JSON travels escaped inside the request's JSON, each of its bytes
 * as up to six characters (a control character as `\u0001`; an emoji's four as two `\uXXXX`, as
 * Python's json.dumps sends them), with room for the other fields. The flow JSON's limit is counted on
 * its own bytes, once decoded (checkJsonSize).
 */
export const tooLarge = bodyLimit({
  maxSize: flowEditLimits.flowJsonBytes * 6 + 10_000,
  onError: () => {
    throw new ProxyError(413, proxyErrorCodes.payloadTooLarge, `The request is over ${(flowEditLimits.flowJsonBytes * 6) / 1_000_000} MB: a flow JSON of ${flowEditLimits.flowJsonBytes / 1_000_000} MB, escaped, is less`)
  },
})

/** The flow JSON's own size, in UTF-8 bytes, within 8x8's limit. */
export function checkJsonSize(json: string | undefined) {
  const problem = json === undefined ? undefined : flowJsonSizeProblem(Buffer.byteLength(json, 'utf8'))
  if (problem) throw new ProxyError(413, proxyErrorCodes.payloadTooLarge, problem)
}

const versionIdPattern = /^(?:copy-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The version a save or a create brings back (for the audit trail and the history), if it says one. */
export function restoredVersion(c: Context<AppEnv>): { versionId: string; fromFlowId?: string } | undefined {
  const versionId = c.req.header(restoredVersionHeaders.version)
  if (versionId === undefined) return undefined
  if (!versionIdPattern.test(versionId)) throw invalid(`${restoredVersionHeaders.version} is not a version ID`)
  const fromFlowId = c.req.header(restoredVersionHeaders.flow)
  if (fromFlowId !== undefined && !isFlowId(fromFlowId)) throw invalid(`${restoredVersionHeaders.flow} is not a flow id`)
  return { versionId, fromFlowId }
}

/** The ETag the JSON was read with (If-Match), as a hash; undefined when the request sent none. */
export function expectedHash(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('if-match')
  if (header === undefined) return undefined
  const match = /^"sha256-([0-9a-f]{64})"$/.exec(header.trim())
  if (!match) throw invalid('If-Match must be the ETag the flow JSON was read with')
  return match[1]
}

export const etagOf = (hash: string) => `"sha256-${hash}"`

export function flowJsonEtag(json: string): string {
  return etagOf(jsonHash(json))
}
