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
    writeFileSync(join(path, '..', 'a-file'), '')
    await expect(openAuditLog(join(path, '..', 'a-file', 'audit.jsonl'))).rejects.toMatchObject({ code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/) })
  })
})
