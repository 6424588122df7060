import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const serverEntry = resolve(import.meta.dirname, '..', 'dist', 'server', 'main.js')

export type AppServer = {
  url: (path?: string) => string
  /** Everything the server wrote so far (JSON log lines and stderr). */
  output: () => string
  stop: () => Promise<void>
  /** kill -9: no shutdown, no flush, as a power cut or the OOM killer would. */
  kill: () => Promise<void>
  pid: number
}

/**
 * Starts the built server (`npm run build` first) on a free loopback port with exactly `env`: nothing
 * leaks in from the developer's shell or .env (the working directory is an empty temp folder).
 * `logToFile`: the server writes its log to a file, as in production, instead of a pipe this process
 * reads (a benchmark's load would otherwise wait on this process reading the log).
 * `entry`: another script that says "listening on <origin>" the same way (the bench's bare proxy).
 * `nodeArgs`: options for node itself, before the script (the bench's `--import` of its phase recorder).
 */
export async function startAppServer(
  env: Record<string, string> = {},
  { logToFile = false, entry = serverEntry, nodeArgs = [] }: { logToFile?: boolean; entry?: string; nodeArgs?: string[] } = {},
): Promise<AppServer> {
  const cwd = mkdtempSync(join(tmpdir(), 'flows-admin-e2e-'))
  const logPath = join(cwd, 'server.log')
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: logToFile ? ['ignore', openSync(logPath, 'w'), 'pipe'] : ['ignore', 'pipe', 'pipe'],
  })
  let piped = ''
  const output = () => (logToFile ? readFileSync(logPath, 'utf8') : '') + piped
  child.stdout?.on('data', (chunk) => (piped += chunk))
  child.stderr!.on('data', (chunk) => (piped += chunk))

  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 10 s:\n${output()}`)), 10_000)
    const poll = setInterval(() => check(), 20)
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())
      if (match) {
        clearTimeout(timer)
        clearInterval(poll)
        resolveOrigin(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      clearInterval(poll)
      reject(new Error(`server exited with ${code} before listening:\n${output()}`))
    })
  })

  const signal = (name: NodeJS.Signals) =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop()
      child.once('exit', () => resolveStop())
      child.kill(name)
    })

  return {
    url: (path = '/') => `${origin}${path}`,
    output,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    pid: child.pid!,
  }
}
