import { proxyErrorCodes } from '../../shared/error-codes'
import { reasons, parse } from './answers'
import { createFlowResponseSchema, updateFlowResponseSchema } from './boundary'
import type { ChannelScope, UpstreamClient } from './client-types'
import { ProxyError } from './errors'
import { flowPath, flowsPath } from './upstream-paths'

type Request = (method: 'GET' | 'DELETE' | 'POST' | 'PUT', path: string, options?: { signal?: AbortSignal; json?: unknown }) => Promise<string>

/**
 * The client's writes to 8x8: create (and clone), update, publish, deprecate, delete. Each is sent once,
 * never retried (`request` retries reads only), and forgets what was read of the channel as it begins
 * (the reads in flight too, so a read that starts after the write does not share an answer from before
 * it) and again as it ends, answered or not (so a read that crossed it is not reused).
 */
export function flowWrites({ request, forget, scrub }: { request: Request; forget: (scope: ChannelScope) => void; scrub: (text: string) => string }): Pick<
  UpstreamClient,
  'createFlow' | 'updateFlow' | 'publishFlow' | 'deprecateFlow' | 'deleteFlow'
> {
  async function changing<T>(scope: ChannelScope, write: () => Promise<T>): Promise<T> {
    forget(scope)
    try {
      return await write()
    } finally {
      forget(scope)
    }
  }

  return {
    createFlow: (scope, body) => changing(scope, async () => {
      const created = parse(createFlowResponseSchema, await request('POST', flowsPath(scope), { json: body }), "8x8's answer to create-flow", scrub)
      if (!created.success) {
        // 8x8 said no in a 200 (the flow JSON did not pass Meta's checks): the operator sees Meta's reasons.
        throw new ProxyError(422, proxyErrorCodes.flowNotCreated, `8x8 did not create the flow${reasons(created.validationErrors, scrub)}`)
      }
      if (created.id === undefined) {
        throw new ProxyError(502, proxyErrorCodes.upstreamBadResponse, "8x8 answered create-flow without the new flow's id")
      }
      return { id: created.id, validationErrors: created.validationErrors }
    }),

    updateFlow: (params, body) => changing(params, async () => {
      // The spec answers a body; an empty 200 is a save with nothing to report.
      const text = await request('PUT', flowPath(params), { json: body })
      const saved = parse(updateFlowResponseSchema, text === '' ? '{}' : text, "8x8's answer to update-flow", scrub)
      if (!saved.success) {
        throw new ProxyError(422, proxyErrorCodes.flowNotCreated, `8x8 did not save the flow${reasons(saved.validationErrors, scrub)}`)
      }
      return { validationErrors: saved.validationErrors }
    }),

    publishFlow: (params) => changing(params, async () => void (await request('POST', `${flowPath(params)}/publish`))),

    deprecateFlow: (params, callOptions) => changing(params, async () => void (await request('POST', `${flowPath(params)}/deprecate`, callOptions))),

    deleteFlow: (params, callOptions) => changing(params, async () => void (await request('DELETE', flowPath(params), callOptions))),
  }
}
