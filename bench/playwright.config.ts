import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from '../e2e/chromium'

/**
 * `npm run bench`: measurements, never pass/fail (these machines are noisy). One worker, so the
 * numbers compared with each other are taken side by side in the same run.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../test-results/bench',
  // Puts the sections each bench file wrote into docs/performance.md (bench/report.ts).
  globalSetup: './report.ts',
  workers: 1,
  timeout: 10 * 60_000,
  reporter: [['list']],
  use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, launchOptions: chromiumLaunchOptions },
})
