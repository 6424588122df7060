import { useSyncExternalStore } from 'react'
import type { ApiError } from '../../api/api-error'

/** One failure the operator saw, kept so support can find its errorId after the toast is gone. */
export type RecentError = {
  at: string
  /** What was being done, e.g. "Delete", "Load flows". */
  action: string
  flowName?: string
  flowId?: string
  code: string
  errorId: string
  requestId?: string
  message: string
  source: ApiError['source']
}

const storageKey = 'flows-admin.recent-errors'
export const recentErrorsLimit = 50
const listeners = new Set<() => void>()
let cache: { raw: string | null; list: RecentError[] } = { raw: null, list: [] }

function read(): RecentError[] {
  let raw: string | null = null
  try {
    raw = localStorage.getItem(storageKey)
  } catch {
    // Storage blocked (privacy mode): the list lives as long as the page.
    return cache.list
  }
  if (raw === cache.raw) return cache.list
  let list: RecentError[] = []
  try {
    const parsed: unknown = raw === null ? [] : JSON.parse(raw)
    list = Array.isArray(parsed) ? (parsed as RecentError[]).filter((e) => typeof e?.errorId === 'string') : []
  } catch {
    list = []
  }
  cache = { raw, list }
  return list
}

function write(list: RecentError[]) {
  const raw = JSON.stringify(list)
  cache = { raw, list }
  try {
    localStorage.setItem(storageKey, raw)
  } catch {
    // Full or blocked: keep the in-memory copy.
  }
  listeners.forEach((listener) => listener())
}

/** Refusals that are information, not errors: another tab or operator did it first. */
const notErrors = new Set<string | number>(['ALREADY_RESTORED'])

export function recordError(error: ApiError, context: { action: string; flowName?: string; flowId?: string }) {
  if (notErrors.has(error.code)) return
  const entry: RecentError = {
    at: new Date().toISOString(),
    ...context,
    code: String(error.code),
    errorId: error.errorId,
    requestId: error.requestId,
    message: error.message,
    source: error.source,
  }
  write([entry, ...read().filter((e) => e.errorId !== entry.errorId)].slice(0, recentErrorsLimit))
}

export function clearRecentErrors() {
  write([])
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  // Another tab recorded an error.
  const onStorage = (event: StorageEvent) => event.key === storageKey && listener()
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

const none: RecentError[] = []
const nothingYet = () => none
const notYet = () => () => {}

/**
 * `enabled: false` reads nothing and listens to no other tab (yet): the first read of localStorage, or
 * the first 'storage' listener, sets up the page's storage and costs the first page ~1.5 ms.
 */
export function useRecentErrors({ enabled = true }: { enabled?: boolean } = {}): RecentError[] {
  return useSyncExternalStore(enabled ? subscribe : notYet, enabled ? read : nothingYet, nothingYet)
}
