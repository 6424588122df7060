import { sql, type Kysely, type Transaction } from 'kysely'
import type { SignInThrottle } from '../auth/sign-in-throttle'
import type { ChangeLock } from '../routes/change-lock'
import { signInLimits } from '../auth/sign-in-throttle'
import { createRateLimiter, nextSlot, rateLimited, readShare, sleep, type RateLimiter, type RateLimiterOptions } from '../upstream/resilience'
import type { Database } from './schema'

const windowMs = 60_000
// Any fixed number: the transaction-scoped lock that serialises decisions on the shared budget.
const budgetLock = 8_808_100

/** The database's clock, in ms: every instance decides by the same one. */
const clockMs = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`

async function databaseNow(trx: Transaction<Database>): Promise<number> {
  const { rows } = await sql<{ now: string }>`select ${clockMs} as now`.execute(trx)
  return Number(rows[0].now)
}

/**
 * The 8x8 call budget shared by every instance on one Postgres: a sliding 60 s window over the
 * `upstream_calls` table, decided under a transaction-scoped advisory lock by the database's clock.
 * Same rules as the in-memory limiter: reads may use part of it, the rest is kept for changes; a call
 * over its limit waits its turn up to `maxWaitMs`, longer it is refused at once with 429. While the database cannot be reached the instance falls back
 * to a window of its own (and `onFallback` says so): reads of the flow list go on, and 8x8's own 429s,
 * which reads retry, cover the overlap.
 */
export function createSharedRateLimiter(
  db: Kysely<Database>,
  { perMinute, maxWaitMs, wait = sleep, onFallback }: Omit<RateLimiterOptions, 'now'> & { onFallback?: (error: unknown) => void },
): RateLimiter {
  const local = createRateLimiter({ perMinute, maxWaitMs, wait })
  return {
    async take(signal, priority = 'change') {
      let decision: { waitMs: number; id: string | null }
      try {
        decision = await db.transaction().execute(async (trx) => {
          await sql`select pg_advisory_xact_lock(${budgetLock})`.execute(trx)
          const now = await databaseNow(trx)
          await trx.deleteFrom('upstream_calls').where('at', '<=', now - windowMs).execute()
          const recent = (await trx.selectFrom('upstream_calls').select('at').orderBy('at', 'desc').limit(perMinute).execute()).map((row) => Number(row.at))
          const slot = nextSlot(recent.toReversed(), now, priority === 'read' ? readShare(perMinute) : perMinute)
          const waitMs = slot - now
          if (waitMs > maxWaitMs) return { waitMs, id: null }
          const id = crypto.randomUUID()
          await trx.insertInto('upstream_calls').values({ id, at: slot }).execute()
          return { waitMs, id }
        })
      } catch (error) {
        onFallback?.(error)
        return local.take(signal, priority)
      }
      if (decision.id === null) throw rateLimited(perMinute, decision.waitMs, priority)
      if (decision.waitMs === 0) return
      try {
        await wait(decision.waitMs, signal)
      } catch (error) {
        const id = decision.id
        await db.deleteFrom('upstream_calls').where('id', '=', id).execute().catch(() => undefined)
        throw error
      }
    },
  }
}

/** The sign-in throttle shared by every instance on one Postgres (rows locked per key while deciding). */
export function createSharedSignInThrottle(db: Kysely<Database>, { maxFailures = signInLimits.maxFailures, windowMs: window = signInLimits.windowMs } = {}): SignInThrottle {
  return {
    async begin(keys) {
      const sorted = [...new Set(keys)].toSorted()
      const waitMs = await db.transaction().execute(async (trx) => {
        const now = await databaseNow(trx)
        await trx
          .insertInto('sign_in_failures')
          .values(sorted.map((key) => ({ key, count: 0, reset_at: now + window })))
          .onConflict((conflict) => conflict.column('key').doNothing())
          .execute()
        const rows = await trx.selectFrom('sign_in_failures').selectAll().where('key', 'in', sorted).orderBy('key').forUpdate().execute()
        const live = rows.map((row) => ({ key: row.key, count: Number(row.reset_at) <= now ? 0 : row.count, resetAt: Number(row.reset_at) <= now ? now + window : Number(row.reset_at) }))
        const blocked = Math.max(...live.map((row) => (row.count >= maxFailures ? row.resetAt - now : 0)))
        if (blocked > 0) return blocked
        for (const row of live) {
          await trx.updateTable('sign_in_failures').set({ count: row.count + 1, reset_at: row.resetAt }).where('key', '=', row.key).execute()
        }
        return 0
      })
      if (waitMs > 0) return { ok: false, waitMs }
      return {
        ok: true,
        async end(succeeded) {
          if (succeeded) await db.deleteFrom('sign_in_failures').where('key', 'in', sorted).execute()
        },
      }
    },
  }
}

/**
 * One change per flow at a time across every instance on one Postgres: a row per flow under change.
 * A row older than `holdMs` (the instance died mid-change) is taken over, so a crash never locks a flow
 * for good; `holdMs` must outlast a change (8x8's timeout, and then some).
 */
export function createSharedChangeLock(db: Kysely<Database>, { holdMs }: { holdMs: number }): ChangeLock {
  // Locks of this instance whose change has ended but whose release did not reach the database (an
  // outage): given back as soon as it answers again, rather than holding the flow until they expire.
  const unreleased = new Set<string>()
  async function releaseLeftovers() {
    if (unreleased.size === 0) return
    const keys = [...unreleased]
    await db.deleteFrom('flow_changes').where('key', 'in', keys).execute()
    for (const key of keys) unreleased.delete(key)
  }
  return {
    async acquire(key) {
      await releaseLeftovers()
      const taken = await db
        .insertInto('flow_changes')
        .values({ key, expires_at: sql<number>`${clockMs} + ${holdMs}` })
        .onConflict((conflict) =>
          conflict
            .column('key')
            .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
            .where('flow_changes.expires_at', '<', clockMs),
        )
        .returning('key')
        .executeTakeFirst()
      return taken !== undefined
    },
    async release(key) {
      try {
        await db.deleteFrom('flow_changes').where('key', '=', key).execute()
      } catch (error) {
        unreleased.add(key)
        throw error
      }
    },
    async expiresAt(key) {
      const row = await db.selectFrom('flow_changes').select('expires_at').where('key', '=', key).executeTakeFirst()
      return row === undefined ? undefined : Number(row.expires_at)
    },
  }
}
