/** What the editor holds that is not saved at 8x8 yet. */
export type EditorFields = { name: string; categories: string[]; endPointUri: string; json: string }
export type LocalDraft = EditorFields & { keptAt: string }

const prefix = 'flows-admin:unsaved:'

/**
 * Unsaved editor text kept in this browser (localStorage), per flow, so that a closed tab, a reload
 * or a crash loses nothing: offered back when the editor opens again, dropped once saved.
 */
export const localDrafts = {
  key: (accountId: string, channelId: string, flowId: string | undefined) => `${prefix}${accountId}/${channelId}/${flowId ?? 'new'}`,
  read(key: string): LocalDraft | undefined {
    try {
      const raw = localStorage.getItem(key)
      const value: unknown = raw === null ? undefined : JSON.parse(raw)
      if (typeof value !== 'object' || value === null) return undefined
      const draft = value as Partial<LocalDraft>
      if (typeof draft.json !== 'string' || typeof draft.name !== 'string' || !Array.isArray(draft.categories)) return undefined
      return { name: draft.name, categories: draft.categories.map(String), endPointUri: String(draft.endPointUri ?? ''), json: draft.json, keptAt: String(draft.keptAt ?? '') }
    } catch {
      return undefined
    }
  },
  write(key: string, fields: EditorFields) {
    try {
      localStorage.setItem(key, JSON.stringify({ ...fields, keptAt: new Date().toISOString() }))
    } catch {
      // Storage full or blocked: the leave guard still asks.
    }
  },
  drop(key: string) {
    try {
      localStorage.removeItem(key)
    } catch {
      // Nothing to drop.
    }
  },
}
