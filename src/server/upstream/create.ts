import type { ServerConfig } from '../config'
import { createEmulator } from '../sandbox/emulator'
import { sandboxSeed, seedWithFlows } from '../sandbox/seed'
import { createUpstreamClient, defaultRateLimit } from './client'
import { createRateLimiter, type RateLimiter } from './resilience'

/** Live: 8x8 over the network. Sandbox: the same client, calling the in-process emulator. */
export function upstreamFor({ mode, upstream, sandboxLatencyMs, sandboxFlows }: ServerConfig, { sharedLimiter }: { sharedLimiter?: (options: { perMinute: number; maxWaitMs: number }) => RateLimiter } = {}) {
  const seed = sandboxFlows === undefined ? sandboxSeed : seedWithFlows(sandboxSeed, sandboxFlows)
  const fetch = mode === 'sandbox' ? createEmulator({ seed, latencyMs: sandboxLatencyMs }).fetch : undefined
  // 0 turns the limiter off (8x8 raised the account's limit, or a benchmark measures the proxy alone).
  // Several instances on one Postgres share one budget.
  const limits = { ...defaultRateLimit, perMinute: upstream.rateLimitPerMinute }
  const rateLimiter =
    upstream.rateLimitPerMinute === 0 ? { take: async () => {} } : sharedLimiter ? sharedLimiter(limits) : createRateLimiter(limits)
  return createUpstreamClient({ ...upstream, fetch, rateLimiter })
}
