#!/usr/bin/env node
// Runs a command (the arguments) as on a slow, busy machine: it and everything it starts (the test
// servers, Chromium) share one CPU core with a process that keeps that core busy. About four times
// slower than this project's 2-core machines when quiet: a test that passes here has an honest budget.
// Linux only (taskset, from util-linux). Example: node scripts/slow-machine.mjs npm run test:e2e
import { spawn } from 'node:child_process'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: node scripts/slow-machine.mjs <command> [args…]')
  process.exit(2)
}
const core = '0'
const busy = spawn('taskset', ['-c', core, process.execPath, '-e', 'for (;;) {}'], { stdio: 'ignore' })
const child = spawn('taskset', ['-c', core, command, ...args], { stdio: 'inherit' })
child.on('exit', (code, signal) => {
  busy.kill('SIGKILL')
  process.exit(code ?? (signal ? 1 : 0))
})
