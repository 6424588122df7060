import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureDirectory } from './fs-paths'

describe('ensureDirectory', () => {
  it('makes the missing folders, one level at a time', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'flows-admin-dir-')), 'a', 'b')
    ensureDirectory(dir)
    expect(statSync(dir).isDirectory()).toBe(true)
  })

  it('says "not a directory" when a folder on the way is a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flows-admin-dir-'))
    writeFileSync(join(dir, 'a-file'), '')
    expect(() => ensureDirectory(join(dir, 'a-file', 'deeper'))).toThrow(`${join(dir, 'a-file')} is not a directory`)
  })

  it('fails at once, naming the code, where a folder cannot be made (no hang under /proc)', () => {
    expect(() => ensureDirectory('/proc/nope/x')).toThrow(/cannot create \/proc\/nope: ENOENT/)
  })
})
