import type { Logger } from 'pino'
import { importAuditFile } from '../audit/import-audit-file'
import type { ServerConfig } from '../config'
import { deleteSettledWithinMs } from '../recovery/delete-outcome'
import { describeDatabaseUrl, openStore, type Store } from './open-store'

const dayMs = 24 * 60 * 60_000
const pruneEveryMs = 6 * 60 * 60_000

export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError'
}

/**
 * The store the configuration asks for, migrated, with the audit file of earlier versions imported and
 * failed requests and copies of deleted flows older than RETENTION_DAYS pruned now and every 6 hours. Throws StoreUnavailableError
 * with one line naming the database (never its password) and the reason.
 */
export async function storeFor(config: Pick<ServerConfig, 'databaseUrl' | 'retentionDays' | 'legacyAuditLog' | 'upstream'>, logger: Logger) {
  let store: Store
  try {
    store = await openStore(config.databaseUrl, {
      logger,
      retentionDays: config.retentionDays,
      unconfirmedAfterMs: deleteSettledWithinMs(config.upstream.timeoutMs),
    })
  } catch (error) {
    // A system error says its code (ENOENT, ECONNREFUSED); libSQL's own errors have an empty code and say it in the message.
    const { code, message } = error as NodeJS.ErrnoException
    const why = code || message || String(error)
    throw new StoreUnavailableError(`DATABASE_URL: cannot open ${describeDatabaseUrl(config.databaseUrl)}: ${why}`, { cause: error })
  }
  if (config.legacyAuditLog !== null) {
    const report = await importAuditFile(config.legacyAuditLog, store)
    if (report && (report.imported > 0 || report.skippedLines.length > 0)) {
      const log = report.skippedLines.length > 0 ? logger.warn.bind(logger) : logger.info.bind(logger)
      log(report, `imported the audit file ${report.path} (${report.imported} new, ${report.alreadyThere} already there${report.skippedLines.length > 0 ? `, unreadable lines skipped: ${report.skippedLines.join(', ')}` : ''})`)
    }
  }
  const prune = async () => {
    const before = new Date(Date.now() - config.retentionDays * dayMs).toISOString()
    for (const [what, run] of [
      ['failed requests', () => store.pruneFailures(before)],
      ['copies of deleted flows', () => store.backups.prune(before)],
      ['versions of flows (each flow keeps its latest)', () => store.versions.prune(before)],
    ] as const) {
      await run()
        .then((removed) => removed > 0 && logger.info({ removed, retentionDays: config.retentionDays }, `pruned old ${what}`))
        .catch((error: unknown) => logger.error({ err: error }, `pruning ${what} did not work`))
    }
  }
  await prune()
  const timer = setInterval(prune, pruneEveryMs)
  timer.unref()
  return {
    ...store,
    close: async () => {
      clearInterval(timer)
      await store.close()
    },
  }
}
