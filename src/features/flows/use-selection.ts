import { useCallback, useMemo, useState } from 'react'
import type { Flow } from '../../shared/flow'
import { canDelete, type TemplateUse } from './template-use'

/**
 * The drafts picked for a bulk delete. Ids that leave the list (deleted, or no longer drafts after a
 * refetch, or now used by a template) drop out of the selection by themselves.
 */
export function useSelection(flows: readonly Flow[] | undefined, templateUse: TemplateUse) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set())
  const selected = useMemo(() => {
    const drafts = new Set((flows ?? []).filter((flow) => canDelete(flow, templateUse.get(flow.id))).map((flow) => flow.id))
    return new Set([...picked].filter((id) => drafts.has(id))) as ReadonlySet<string>
  }, [flows, picked, templateUse])

  const select = useCallback((flow: Flow, on: boolean) => setPicked((current) => withIds(current, [flow.id], on)), [])
  const selectMany = useCallback(
    (shown: readonly Flow[], on: boolean) => {
      const ids = shown.filter((flow) => canDelete(flow, templateUse.get(flow.id))).map((flow) => flow.id)
      setPicked((current) => withIds(current, ids, on))
    },
    [templateUse],
  )
  const clear = useCallback(() => setPicked(new Set()), [])
  return { selected, select, selectMany, clear }
}

function withIds(current: ReadonlySet<string>, ids: string[], on: boolean): ReadonlySet<string> {
  const next = new Set(current)
  for (const id of ids) {
    if (on) next.add(id)
    else next.delete(id)
  }
  return next
}
