import type { ParsedFlow } from './parse-flow'

export type ScreenChange = 'added' | 'removed' | 'changed'

/** Which screens differ between two versions of a flow, by id: added, removed, or changed (any prop of it). */
export function screenChanges(before: ParsedFlow | undefined, after: ParsedFlow | undefined): Record<string, ScreenChange> {
  const was = new Map(before?.screens.map((screen) => [screen.id, JSON.stringify(screen)]))
  const now = new Map(after?.screens.map((screen) => [screen.id, JSON.stringify(screen)]))
  const changes: Record<string, ScreenChange> = {}
  for (const [id, screen] of now) if (!was.has(id)) changes[id] = 'added'
  else if (was.get(id) !== screen) changes[id] = 'changed'
  for (const id of was.keys()) if (!now.has(id)) changes[id] = 'removed'
  return changes
}
