import type { ServerConfig } from '../config'
import { createEmulator } from '../sandbox/emulator'
import { sandboxSeed, seedWithFlows } from '../sandbox/seed'
import { createUpstreamClient, defaultRateLimit } from './client'
import { createRateLimiter, type RateLimiter } from './resilience'
import { undiciFetch } from './undici-fetch'

/** The largest answer read from 8x8 (its biggest, a list of 1000 flows, is about 100 kB). */
const maxResponseBytes = 5_000_000

/** Live: 8x8 over the network (undici's request). Sandbox: the same client, calling the in-process emulator. */
export function upstreamFor({ mode, upstream, sandboxLatencyMs, sandboxFlows }: ServerConfig, { sharedLimiter }: { sharedLimiter?: (options: { perMinute: number; maxWaitMs: number }) => RateLimiter } = {}) {
  const seed = sandboxFlows === undefined ? sandboxSeed : seedWithFlows(sandboxSeed, sandboxFlows)
  const fetch = mode === 'sandbox' ? createEmulator({ seed, latencyMs: sandboxLatencyMs }).fetch : undiciFetch({ maxBytes: maxResponseBytes })
  // 0 turns the limiter off (8x8 raised the account's limit, or a benchmark measures the proxy alone).
  // Several instances on one Postgres share one budget.
  const limits = { ...defaultRateLimit, perMinute: upstream.rateLimitPerMinute }
  const rateLimiter =
    upstream.rateLimitPerMinute === 0 ? { take: async () => {} } : sharedLimiter ? sharedLimiter(limits) : createRateLimiter(limits)
  return createUpstreamClient({ ...upstream, fetch, rateLimiter, maxResponseBytes })
}
