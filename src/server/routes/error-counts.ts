import type { Logger } from 'pino'
import type { FlowList } from '../../shared/flow'
import type { ChannelScope } from '../../shared/paths'
import type { FlowVersions } from '../store/flow-versions'

const key = ({ accountId, channelId }: ChannelScope) => `${accountId}/${channelId}`

/** How long a channel's counts are reused: saves through this instance refresh them at once. */
const freshMs = 30_000

/**
 * 8x8's list says nothing of Meta's errors. A draft saved here has them counted (in its latest saved
 * version): the list's drafts carry that count, so their rows say "2 errors". Read from the store at most
 * every 30 s per channel, and at once after a save through this instance. Without a store: no counts.
 */
export function errorCountsFor(versions: FlowVersions | undefined, logger: Logger) {
  const cached = new Map<string, { at: number; counts: Promise<Map<string, number>> }>()
  // One list object from 8x8 and one counts map give one answer object (its serialised and compressed
  // forms are cached by list-answer for as long as it lives).
  const enriched = new WeakMap<FlowList, WeakMap<Map<string, number>, FlowList>>()

  function counts(scope: ChannelScope): Promise<Map<string, number>> {
    const hit = cached.get(key(scope))
    if (hit && Date.now() - hit.at < freshMs) return hit.counts
    const read = versions!.errorCounts(scope).catch((error: unknown) => {
      logger.warn({ err: error }, 'the counts of validation errors could not be read; the list goes without them')
      cached.delete(key(scope))
      return new Map<string, number>()
    })
    cached.set(key(scope), { at: Date.now(), counts: read })
    return read
  }

  return {
    async withCounts(scope: ChannelScope, list: FlowList): Promise<FlowList> {
      if (!versions) return list
      const found = await counts(scope)
      if (found.size === 0) return list
      let byCounts = enriched.get(list)
      if (!byCounts) enriched.set(list, (byCounts = new WeakMap()))
      let answer = byCounts.get(found)
      if (!answer) {
        answer = { ...list, flows: list.flows.map((flow) => (flow.status === 'DRAFT' && found.has(flow.id) ? { ...flow, validationErrorCount: found.get(flow.id) } : flow)) }
        byCounts.set(found, answer)
      }
      return answer
    },
    /** After a save, create or clone here: the next list reads the counts again. */
    forget(scope: ChannelScope) {
      cached.delete(key(scope))
    },
  }
}

export type ErrorCounts = ReturnType<typeof errorCountsFor>
