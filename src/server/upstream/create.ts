import type { ServerConfig } from '../config'
import { createEmulator } from '../sandbox/emulator'
import { sandboxSeed } from '../sandbox/seed'
import { createUpstreamClient } from './client'

/** Live: 8x8 over the network. Sandbox: the same client, calling the in-process emulator. */
export function upstreamFor(config: ServerConfig) {
  const fetch =
    config.mode === 'sandbox' ? createEmulator({ seed: sandboxSeed, latencyMs: config.sandboxLatencyMs }).fetch : undefined
  return createUpstreamClient({ ...config.upstream, fetch })
}
