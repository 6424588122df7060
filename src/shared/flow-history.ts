/**
 * A flow's history: every JSON of it this server has seen, newest first. What made each version:
 * - `created`, `saved`: a create or a save through Flows Admin (`restored`: a save or a create that
 *   brought an earlier version back; `origin` is that version's ID);
 * - `before-save`: the JSON as 8x8 had it just before a save replaced it;
 * - `seen`: the JSON as 8x8 served it when this console read it and had not seen that text before
 *   (the first time, or after a change made elsewhere);
 * - `deleted-copy`: the copy kept before the flow's delete;
 * - `failed-save`: the JSON a save sent that 8x8 refused or that never reached it (its Error ID's lookup links to it);
 * - `unconfirmed-save`: the JSON a save sent that 8x8 did not confirm in time: it may or may not have
 *   been saved, until the server reads the flow again (then it is `saved`, or stays as it is).
 * Each event is its own entry, however often a text comes back.
 */
export type FlowVersionSource = 'created' | 'saved' | 'restored' | 'before-save' | 'seen' | 'cloned' | 'deleted-copy' | 'failed-save' | 'unconfirmed-save'

export type FlowVersionEntry = {
  versionId: string
  source: FlowVersionSource
  takenAt: string
  takenBy: string | null
  /** UTF-8 bytes of the JSON (not told for a copy kept before a delete). */
  size: number | null
  validationErrorCount: number
  origin: string | null
}

/**
 * A page of a flow's history, newest first: `total` versions in all; `next`, when there are older ones,
 * is what `?before=` takes for the page after this one.
 */
export type FlowHistory = {
  versions: FlowVersionEntry[]
  total: number
  next?: string
  /** When the flow was deleted here: its name and categories as its latest copy kept them (a version of it can come back as a new draft). */
  deleted?: { name: string; categories: string[] }
}

/** Headers of a save or create that brings a version back (audited with it). */
export const restoredVersionHeaders = { version: 'x-restored-version', flow: 'x-restored-from-flow' } as const

/** The ID of a copy kept before a delete, as a version of the flow's history. */
export const copyVersionPrefix = 'copy-'

/** How an audit entry names the version a failed save sent (its lookup links to it). */
export const failedSaveNote = (versionId: string) => `the JSON sent is kept as version ${versionId}`
export const failedSaveVersion = /the JSON sent is kept as version ([0-9a-f-]{36})/
