#!/usr/bin/env node
// Runs a command (the arguments) with TEST_DATABASE_URL pointing at a throwaway Postgres: started here
// on a free loopback port in a temporary directory, stopped and removed afterwards. The binaries come
// from Debian's postgresql package (installed on the spot when apt-get is there and we are root).
// With TEST_DATABASE_URL already set, the command just runs against that database.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const [command, ...args] = process.argv.slice(2)

function run() {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env, shell: process.platform === 'win32' })
  return result.status ?? 1
}

if (process.env.TEST_DATABASE_URL) process.exit(run())

function findBin() {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).toSorted((a, b) => Number(b) - Number(a))
  return versions.length > 0 ? join(root, versions[0], 'bin') : undefined
}

function say(message) {
  console.error(`with-postgres: ${message}`)
}

let bin = findBin()
if (!bin && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
  say('installing Debian\'s postgresql package for the store tests')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env })
  bin = findBin()
}
if (!bin) {
  say('cannot start a throwaway Postgres: no initdb under /usr/lib/postgresql/*/bin.')
  say('Install PostgreSQL (Debian: apt-get install postgresql), or set TEST_DATABASE_URL to an empty database you can spare.')
  process.exit(1)
}

const port = await new Promise((resolve, reject) => {
  const server = createServer()
  server.once('error', reject)
  server.listen(0, '127.0.0.1', () => {
    const { port: free } = server.address()
    server.close(() => resolve(free))
  })
})
const dir = mkdtempSync(join(tmpdir(), 'flows-admin-pg-'))
const data = join(dir, 'data')
// Postgres refuses to run as root: then it runs as the postgres user, in a directory it owns.
const asRoot = process.getuid?.() === 0
if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()))
const as = (tool, toolArgs) => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...toolArgs]] : [join(bin, tool), toolArgs])

function pg(tool, toolArgs) {
  const [file, argv] = as(tool, toolArgs)
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'inherit'] })
}

let status = 1
try {
  pg('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'])
  // Tests do not need a crash-proof Postgres (fsync off, faster); the bench measures a real one (WITH_POSTGRES_FSYNC=on).
  const fsync = process.env.WITH_POSTGRES_FSYNC === 'on' ? 'on' : 'off'
  pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync}`, 'start'])
  process.env.TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`
  say(`Postgres on 127.0.0.1:${port} (${dir}) for this run`)
  status = run()
} catch (error) {
  say(`cannot start a throwaway Postgres: ${error.message}`)
} finally {
  try {
    pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  } catch {
    // not started
  }
  rmSync(dir, { recursive: true, force: true })
}
process.exit(status)
