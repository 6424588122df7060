import type { ServerConfig } from '../config'
import { createEmulator } from '../sandbox/emulator'
import { sandboxSeed } from '../sandbox/seed'
import { createUpstreamClient, defaultRateLimit } from './client'
import { createRateLimiter } from './resilience'

/** Live: 8x8 over the network. Sandbox: the same client, calling the in-process emulator. */
export function upstreamFor({ mode, upstream, sandboxLatencyMs }: ServerConfig) {
  const fetch = mode === 'sandbox' ? createEmulator({ seed: sandboxSeed, latencyMs: sandboxLatencyMs }).fetch : undefined
  const rateLimiter = createRateLimiter({ ...defaultRateLimit, perMinute: upstream.rateLimitPerMinute })
  return createUpstreamClient({ ...upstream, fetch, rateLimiter })
}
