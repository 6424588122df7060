import type { Context } from 'hono'
import { proxyErrorCodes } from '../../shared/error-codes'
import type { StaleRead } from '../../shared/flow'
import type { AppEnv } from '../app-env'
import type { ReportFailure } from '../middleware/error-handler'
import type { CallOptions } from '../upstream/client-types'
import { ProxyError, UpstreamError } from '../upstream/errors'
import type { KeptRead } from '../upstream/recent-reads'

/** How a route reads a channel: for as long as the browser waits, and from 8x8 when the operator pressed Refresh (`Cache-Control: no-cache`). */
export function channelReadOptions(c: Context<AppEnv>): CallOptions {
  return { signal: c.req.raw.signal, fresh: /(?:^|[\s,])no-cache(?:$|[\s,])/i.test(c.req.header('cache-control') ?? '') }
}

/** A read refused for the budget: by Flows Admin's own limiter, or by 8x8 (429). */
export function isBudgetRefusal(error: unknown): boolean {
  return (error instanceof ProxyError && error.code === proxyErrorCodes.rateLimited) || (error instanceof UpstreamError && error.status === 429)
}

/**
 * A channel's list or templates; when the budget refuses the read, the last one read instead, with
 * `stale` saying when it was read and why it is not newer (the refusal's code and Error ID, reported
 * as any failure is, so support finds it). Any other failure, or none read yet, is the failure.
 */
export async function readOrLast<T extends object>(
  c: Context<AppEnv>,
  read: () => Promise<T>,
  last: () => KeptRead<T> | undefined,
  report: ReportFailure,
): Promise<T & { stale?: StaleRead }> {
  try {
    return await read()
  } catch (error) {
    const kept = isBudgetRefusal(error) ? last() : undefined
    if (kept === undefined) throw error
    const { body, headers } = report(error, c)
    const retryAfter = headers['retry-after']
    const stale: StaleRead = {
      readAt: new Date(kept.at).toISOString(),
      code: body.code,
      ...(body.message === undefined ? {} : { message: body.message }),
      errorId: body.errorId,
      ...(retryAfter !== undefined && /^\d{1,5}$/.test(retryAfter) ? { retryAfterMs: Number(retryAfter) * 1000 } : {}),
    }
    return { ...kept.value, stale }
  }
}
