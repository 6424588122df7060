import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { hashPassword } from './password'
import { operatorNamePattern } from './operators-file'
import { isRole, roles } from '../../shared/roles'

/**
 * `npm run hash-password -- <name> [--role <role>]`: prints a line for OPERATORS_FILE. Asks for the password twice
 * without echo on a terminal; reads it from standard input otherwise (`printf %s "$PW" | …`).
 */
async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = ''
    for await (const chunk of process.stdin) text += chunk
    return text.replace(/\r?\n$/, '')
  }
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() })
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true })
  process.stderr.write(prompt)
  const answer = await new Promise<string>((resolve) => rl.question('', resolve))
  rl.close()
  process.stderr.write('\n')
  return answer
}

async function main() {
  const [name, flag, role] = process.argv.slice(2)
  if (!name || !operatorNamePattern.test(name) || (flag !== undefined && (flag !== '--role' || role === undefined || !isRole(role)))) {
    process.stderr.write(`usage: npm run hash-password -- <operator name> [--role ${roles.join('|')}]   (a name is 1-64 letters, digits or . _ @ -)\n`)
    process.exit(2)
  }
  const password = await readSecret(`Password for ${name}: `)
  if (process.stdin.isTTY && (await readSecret('Again: ')) !== password) {
    process.stderr.write('The passwords differ; nothing written.\n')
    process.exit(1)
  }
  if (password.length < 12) {
    process.stderr.write('Use at least 12 characters.\n')
    process.exit(1)
  }
  process.stdout.write(`${name}:${await hashPassword(password)}${role === undefined ? '' : `:${role}`}\n`)
}

await main()
