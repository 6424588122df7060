import type { LaunchOptions } from '@playwright/test'

/**
 * Chromium as the tests and the benchmarks launch it: the binary from CHROMIUM_PATH (scripts/e2e.mjs
 * finds or installs one), and flags that keep it quiet and working inside containers.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
}
