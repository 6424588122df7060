import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from '../sandbox/emulator'
import { sandboxSeed } from '../sandbox/seed'

/**
 * The sandbox must answer as 8x8 documents: its bodies are validated against the schemas of 8x8's
 * official OpenAPI file (the verbatim copy, not our extract, so the extract cannot hide a drift).
 */
const official = JSON.parse(
  readFileSync(join(import.meta.dirname, 'openapi', '8x8-business-messaging-api.openapi.json'), 'utf8'),
)
const flowsPath = '/api/v1/accounts/{accountId}/channels/{channelId}/flows'
const escape = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1')
const unescape = (part: string) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~')

/** Follows a response's $ref chain (the spec reuses other operations' responses) to the concrete one. */
function concreteResponse(ref: string): string {
  const node = ref
    .slice(2)
    .split('/')
    .map(unescape)
    .reduce((at, key) => at[key], official)
  return node.$ref ? concreteResponse(node.$ref) : ref
}

let ajv: Ajv
beforeAll(() => {
  ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(official, 'official')
})

function validatorFor(path: string, method: string, status: string) {
  const response = concreteResponse(`#/paths/${escape(path)}/${method}/responses/${status}`)
  return ajv.compile({ $ref: `official${response}/content/application~1json/schema` })
}

const [channel] = sandboxSeed.channels
const base = `https://sandbox.test/api/v1/accounts/${sandboxSeed.accountId}/channels/${channel.id}/flows`
const auth = { authorization: `Bearer ${sandboxSeed.apiKey}` }
const flowOf = (fault?: string, status = 'DRAFT') =>
  channel.flows.find((flow) => flow.fault === fault && flow.status === status)!.id

const templateBoundDraft = channel.flows.find((flow) => flow.status === 'DRAFT' && channel.templates?.some((template) => template.flowIds.includes(flow.id)))!.id
const headers = { ...auth, 'content-type': 'application/json' }

describe("the sandbox answers in 8x8's documented shapes", () => {
  it('templates: 200 in the documented shape, with FLOW buttons', async () => {
    const response = await createEmulator({ seed: sandboxSeed }).fetch(base.replace(/\/flows$/, '/templates'), { headers: auth })
    const validate = validatorFor('/api/v1/accounts/{accountId}/channels/{channelId}/templates', 'get', '200')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { templates: { components: { buttons?: { type: string }[] }[] }[] }
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
    expect(body.templates.flatMap((t) => t.components.flatMap((c) => c.buttons ?? [])).some((button) => button.type === 'FLOW')).toBe(true)
  })

  it('create: the request in the documented shape, answered 200 in the documented shape', async () => {
    const request = { name: 'Restored flow', categories: ['SURVEY'], flowJson: '{"version":"6.0","screens":[]}', endPointUri: 'https://example.com/hook' }
    const validateRequest = ajv.compile({ $ref: `official#/paths/${escape(flowsPath)}/post/requestBody/content/application~1json/schema` })
    expect(validateRequest(request), JSON.stringify(validateRequest.errors)).toBe(true)
    const response = await createEmulator({ seed: sandboxSeed }).fetch(base, { method: 'POST', headers, body: JSON.stringify(request) })
    expect(response.status).toBe(200)
    const validate = validatorFor(flowsPath, 'post', '200')
    const body = await response.json()
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
  })

  it('create without its required fields: the declared 400', async () => {
    const response = await createEmulator({ seed: sandboxSeed }).fetch(base, { method: 'POST', headers, body: JSON.stringify({ name: 'no categories' }) })
    expect(response.status).toBe(400)
    const validate = validatorFor(flowsPath, 'post', '400')
    expect(validate(await response.json())).toBe(true)
  })

  it('list: 200 ListFlowsResponse', async () => {
    const response = await createEmulator({ seed: sandboxSeed }).fetch(base, { headers: auth })
    const validate = validatorFor(flowsPath, 'get', '200')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { flows: unknown[] }
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
    expect(body.flows.length).toBeGreaterThan(0)
  })

  it('list with a wrong key: the 401 ErrorResponse the spec declares', async () => {
    const response = await createEmulator({ seed: sandboxSeed }).fetch(base, { headers: { authorization: 'Bearer x' } })
    const validate = validatorFor(flowsPath, 'get', '401')
    expect(response.status).toBe(401)
    const body = await response.json()
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
  })

  it('delete of a draft: 200 with no body, as the spec declares it', async () => {
    const response = await createEmulator({ seed: sandboxSeed }).fetch(`${base}/${flowOf(undefined)}`, {
      method: 'DELETE',
      headers: auth,
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it.each([
    ['a published flow', () => flowOf(undefined, 'PUBLISHED'), '400'],
    ['a draft used by a template', () => templateBoundDraft, '400'],
    ['a draft whose delete fails inside 8x8', () => flowOf('server-error'), '500'],
  ])('delete of %s: %s as the spec declares it', async (_label, flowId, status) => {
    const response = await createEmulator({ seed: sandboxSeed }).fetch(`${base}/${flowId()}`, { method: 'DELETE', headers: auth })
    expect(String(response.status)).toBe(status)
    const validate = validatorFor(`${flowsPath}/{flowId}`, 'delete', status)
    const body = await response.json()
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
  })

  it.each([
    ['details of a draft with validation errors', '', () => channel.flows.find((flow) => flow.validationErrors)!.id],
    ['details of a published flow', '', () => flowOf(undefined, 'PUBLISHED')],
    ['a preview', '/preview', () => flowOf(undefined, 'PUBLISHED')],
  ])('%s: 200 in the documented shape', async (_label, suffix, flowId) => {
    const response = await createEmulator({ seed: sandboxSeed }).fetch(`${base}/${flowId()}${suffix}`, { headers: auth })
    expect(response.status).toBe(200)
    const validate = validatorFor(`${flowsPath}/{flowId}${suffix}`, 'get', '200')
    const body = await response.json()
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
  })

  it('deprecate: 200 with no body for a published flow, the declared 400 for a draft', async () => {
    const emulator = createEmulator({ seed: sandboxSeed })
    const published = await emulator.fetch(`${base}/${flowOf(undefined, 'PUBLISHED')}/deprecate`, { method: 'POST', headers: auth })
    expect(published.status).toBe(200)
    expect(await published.text()).toBe('')
    const draft = await emulator.fetch(`${base}/${flowOf(undefined)}/deprecate`, { method: 'POST', headers: auth })
    expect(draft.status).toBe(400)
    const validate = validatorFor(`${flowsPath}/{flowId}/deprecate`, 'post', '400')
    const body = await draft.json()
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects a body that breaks the schema (the check can fail)', () => {
    const validate = validatorFor(flowsPath, 'get', '200')
    expect(validate({ flows: [{ id: 1, status: 'GONE' }] })).toBe(false)
    const validateError = validatorFor(`${flowsPath}/{flowId}`, 'delete', '400')
    expect(validateError({ message: 'no code, no errorId' })).toBe(false)
  })
})
