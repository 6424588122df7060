import { knownFlowStatuses, type Flow } from '../../shared/flow'
import { nameComparator } from './name-order'

/**
 * What the operator narrowed the list to. Lives in the URL (`?q=&status=&sort=`), so a filtered view
 * can be shared and the back button undoes a change.
 */
export type FlowFilters = {
  /** Matches a flow's name (case- and accent-insensitive) or its ID (digits anywhere). */
  query: string
  /** A status, `OTHER` for statuses 8x8 does not document, or `ALL`. */
  status: StatusFilter
  sort: FlowSort
}

export const statusFilters = ['ALL', ...knownFlowStatuses, 'OTHER'] as const
export type StatusFilter = (typeof statusFilters)[number]

/** What the status filter's choices are called (the page's select and the server's page without JavaScript). */
export const statusLabels: Record<StatusFilter, string> = {
  ALL: 'All statuses',
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  DEPRECATED: 'Deprecated',
  OTHER: 'Other (throttled, blocked…)',
}

export type SortKey = 'name' | 'status'
export type FlowSort = { key: SortKey; direction: 'ascending' | 'descending' }

export const defaultSort: FlowSort = { key: 'name', direction: 'ascending' }

export function filtersFromParams(params: URLSearchParams): FlowFilters {
  const status = params.get('status')?.toUpperCase()
  const sort = params.get('sort') ?? ''
  const key = sort.replace(/^-/, '')
  return {
    query: params.get('q') ?? '',
    status: (statusFilters as readonly string[]).includes(status ?? '') ? (status as StatusFilter) : 'ALL',
    sort: key === 'name' || key === 'status' ? { key, direction: sort.startsWith('-') ? 'descending' : 'ascending' } : defaultSort,
  }
}

/** The params for `filters`, leaving out defaults so the plain URL stays plain. Other params are kept. */
export function paramsWithFilters(params: URLSearchParams, filters: FlowFilters): URLSearchParams {
  const next = new URLSearchParams(params)
  const set = (name: string, value: string | undefined) => (value ? next.set(name, value) : next.delete(name))
  set('q', filters.query.trim() === '' ? undefined : filters.query)
  set('status', filters.status === 'ALL' ? undefined : filters.status)
  const { key, direction } = filters.sort
  const sort = `${direction === 'descending' ? '-' : ''}${key}`
  set('sort', sort === 'name' ? undefined : sort)
  return next
}

export function isFiltered(filters: FlowFilters): boolean {
  return filters.query.trim() !== '' || filters.status !== 'ALL'
}

const statusRank = (status: string) => {
  const rank = (knownFlowStatuses as readonly string[]).indexOf(status)
  return rank === -1 ? knownFlowStatuses.length : rank
}

/**
 * Lower case without accents or punctuation, words separated by one space, so "resume" finds "Résumé"
 * and "feedback draft" finds "Customer feedback – draft 2". Cached per flow object: typing re-filters 1000 rows.
 */
const foldedNames = new WeakMap<Flow, string>()
/** Lower case, without accents or punctuation: how a search compares names. */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
function foldedName(flow: Flow): string {
  let name = foldedNames.get(flow)
  if (name === undefined) {
    name = folded(flow.name)
    foldedNames.set(flow, name)
  }
  return name
}

function matchesStatus(flow: Flow, status: StatusFilter): boolean {
  if (status === 'ALL') return true
  if (status === 'OTHER') return !(knownFlowStatuses as readonly string[]).includes(flow.status)
  return flow.status === status
}

/**
 * The flows in `sort` order (a new array), names in `nameOrder`'s (the browser's language by default).
 * Memoise it on (flows, sort): the search only filters.
 */
export function sortFlows(flows: readonly Flow[], sort: FlowSort, nameOrder = nameComparator): Flow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1
  const compareNames = nameOrder()
  // By name, then by ID (digits: their code points are their order) so equal names keep one order.
  const byName = (a: Flow, b: Flow) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  return flows.toSorted((a, b) =>
    sort.key === 'name'
      ? sign * byName(a, b)
      : sign * (statusRank(a.status) - statusRank(b.status) || compareNames(a.status, b.status)) || byName(a, b),
  )
}

/**
 * The flows that match the query and status, in the order given. Every word of the query must be in
 * the name (any order, ignoring case, accents and punctuation) or in the ID.
 */
export function filterFlows(flows: readonly Flow[], { query, status }: Pick<FlowFilters, 'query' | 'status'>): Flow[] {
  // No query, no folding: the first use of folded()'s Unicode classes costs the first render ~1 ms.
  const words = query.trim() === '' ? [] : folded(query).split(' ').filter(Boolean)
  return flows.filter(
    (flow) => matchesStatus(flow, status) && words.every((word) => flow.id.includes(word) || foldedName(flow).includes(word)),
  )
}

/** The flows to show, in order. */
export function applyFilters(flows: readonly Flow[], filters: FlowFilters): Flow[] {
  return filterFlows(sortFlows(flows, filters.sort), filters)
}
