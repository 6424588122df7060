import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
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
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const child: ChildProcess = spawn(process.execPath, [serverEntry], {
    cwd: mkdtempSync(join(tmpdir(), 'flows-admin-e2e-')),
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))

  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 10 s:\n${output}`)), 10_000)
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveOrigin(match[1])
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output}`))
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
    output: () => output,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    pid: child.pid!,
  }
}
