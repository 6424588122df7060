import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../shared/audit'
import { openAuditLog } from './audit-log'

const entry = (n: number, channelId = 'chan-a'): AuditEntry => ({
  time: `2026-11-25T10:00:${String(n).padStart(2, '0')}.000Z`,
  requestId: `req-${n}`,
  operator: 'dana',
  action: 'flow.delete',
  phase: 'outcome',
  accountId: 'acc',
  channelId,
  flowId: String(1000 + n),
  result: 'deleted',
})

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'flows-admin-audit-')), 'nested', 'audit.jsonl')

describe('the audit log file', () => {
  it('appends one JSON line per entry, on disk when append resolves', async () => {
    const path = tempFile()
    const audit = await openAuditLog(path)
    await audit.append(entry(1))
    await audit.append(entry(2))
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line).requestId)).toEqual(['req-1', 'req-2'])
    await audit.close()
  })

  it('keeps appends in order when they are not awaited one by one', async () => {
    const path = tempFile()
    const audit = await openAuditLog(path)
    await Promise.all(Array.from({ length: 20 }, (_, n) => audit.append(entry(n))))
    const ids = readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line).requestId)
    expect(ids).toEqual(Array.from({ length: 20 }, (_, n) => `req-${n}`))
    await audit.close()
  })

  it('keeps what was there: reopening appends after the earlier lines', async () => {
    const path = tempFile()
    const first = await openAuditLog(path)
    await first.append(entry(1))
    await first.close()
    const second = await openAuditLog(path)
    await second.append(entry(2))
    expect(await second.recent(() => true, 10)).toHaveLength(2)
    await second.close()
  })

  it('lists the newest matching entries first, skipping a line cut by a crash', async () => {
    const path = tempFile()
    const audit = await openAuditLog(path)
    await audit.append(entry(1))
    await audit.append(entry(2, 'chan-b'))
    appendFileSync(path, '{"time":"2026-11-25T10:00:0')
    appendFileSync(path, '\n')
    await audit.append(entry(3))
    const recent = await audit.recent((e) => e.channelId === 'chan-a', 10)
    expect(recent.map((e) => e.requestId)).toEqual(['req-3', 'req-1'])
    expect(await audit.recent(() => true, 1)).toHaveLength(1)
    await audit.close()
  })

  it('reads only the end of a large file', async () => {
    const path = tempFile()
    const audit = await openAuditLog(path)
    const filler = Array.from({ length: 6000 }, (_, n) => JSON.stringify({ ...entry(0), requestId: `old-${n}` })).join('\n')
    writeFileSync(path, `${filler}\n`)
    await audit.append(entry(9))
    const recent = await audit.recent(() => true, 3)
    expect(recent.map((e) => e.requestId)).toEqual(['req-9', 'old-5999', 'old-5998'])
    await audit.close()
  })

  it('refuses appends once closed, and cannot be opened where no file can be written', async () => {
    const path = tempFile()
    const audit = await openAuditLog(path)
    await audit.close()
    await expect(audit.append(entry(1))).rejects.toThrow('the audit log is closed')
  })

  it('says "not a directory" when a folder on the way is a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flows-admin-audit-'))
    writeFileSync(join(dir, 'a-file'), '')
    await expect(openAuditLog(join(dir, 'a-file', 'deeper', 'audit.jsonl'))).rejects.toThrow(`${join(dir, 'a-file')} is not a directory`)
  })

  it('fails at once, naming the code, where a folder cannot be made (no hang under /proc)', async () => {
    await expect(openAuditLog('/proc/nope/x/audit.jsonl')).rejects.toThrow(/cannot create \/proc\/nope: ENOENT/)
  })

  it('ends a torn last line before appending, and says so', async () => {
    const path = tempFile()
    const first = await openAuditLog(path)
    await first.append(entry(1))
    await first.close()
    appendFileSync(path, '{"time":"2026-11-25T10:00:02.000Z","requestId":"req-2","pha')

    const repairs: string[] = []
    const audit = await openAuditLog(path, { onRepair: (message) => repairs.push(message) })
    await audit.append(entry(3))
    await audit.close()

    const lines = readFileSync(path, 'utf8').split('\n')
    expect(lines.at(-1)).toBe('')
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ requestId: 'req-3' })
    expect(lines.at(-3)).toContain('"req-2","pha')
    expect(repairs).toEqual([expect.stringContaining('ended mid-line')])
    const reopened = await openAuditLog(path, { onRepair: (message) => repairs.push(message) })
    expect((await reopened.recent(() => true, 10)).map((e) => e.requestId)).toEqual(['req-3', 'req-1'])
    await reopened.close()
    expect(repairs).toHaveLength(1)
  })
})
