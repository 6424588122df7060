#!/usr/bin/env node
// Runs Playwright with a Chromium found or installed on the spot, so `npm test` works on a fresh machine:
// 1. CHROMIUM_PATH from the environment;
// 2. an installed Chromium or Chrome;
// 3. Debian's `chromium` package, where apt-get is available and we are root;
// 4. Playwright's own browser download (a developer's laptop).
// Arguments are passed on to `playwright test`.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const candidates = [
  '/usr/lib/chromium/chromium', // Debian's real binary (/usr/bin/chromium is a wrapper script)
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

function run(command, args) {
  console.log(`e2e: ${command} ${args.join(' ')}`)
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`)
    return fromEnv
  }
  const installed = candidates.find((path) => existsSync(path))
  if (installed) return installed
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  if (hasApt && process.getuid?.() === 0) {
    run('apt-get', ['update'])
    run('apt-get', ['install', '-y', 'chromium'])
    const afterApt = candidates.find((path) => existsSync(path))
    if (afterApt) return afterApt
  }
  run('npx', ['playwright', 'install', 'chromium'])
  return undefined // Playwright finds its own download
}

const chromium = findChromium()
console.log(`e2e: using ${chromium ?? "Playwright's own Chromium"}`)
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
})
process.exit(result.status ?? 1)
