import { describe, expect, it } from 'vitest'
import type { Flow } from '../../shared/flow'
import { applyFilters, defaultSort, filterFlows, filtersFromParams, paramsWithFilters, type FlowFilters } from './flow-filters'

const flows: Flow[] = [
  { id: '1620387745519023', name: 'Old promo', status: 'DRAFT' },
  { id: '1145805540595505', name: 'Loan collection', status: 'PUBLISHED' },
  { id: '1209946631278450', name: 'Résumé upload', status: 'DEPRECATED' },
  { id: '1852263340057719', name: 'Store locator', status: 'THROTTLED' },
  { id: '987412365401287', name: 'flow 10', status: 'DRAFT' },
  { id: '987412365401288', name: 'flow 9', status: 'PUBLISHED' },
]

const names = (list: Flow[]) => list.map((flow) => flow.name)
const filters = (overrides: Partial<FlowFilters>): FlowFilters => ({ query: '', status: 'ALL', sort: defaultSort, ...overrides })

describe('flow filters', () => {
  it('sorts by name by default, numbers in names in numeric order, case-insensitively', () => {
    expect(names(applyFilters(flows, filters({})))).toEqual([
      'flow 9',
      'flow 10',
      'Loan collection',
      'Old promo',
      'Résumé upload',
      'Store locator',
    ])
  })

  it('sorts by status in lifecycle order, unknown statuses last, then by name; descending reverses', () => {
    const ascending = applyFilters(flows, filters({ sort: { key: 'status', direction: 'ascending' } }))
    expect(ascending.map((f) => `${f.status} ${f.name}`)).toEqual([
      'DRAFT flow 10',
      'DRAFT Old promo',
      'PUBLISHED flow 9',
      'PUBLISHED Loan collection',
      'DEPRECATED Résumé upload',
      'THROTTLED Store locator',
    ])
    const descending = applyFilters(flows, filters({ sort: { key: 'status', direction: 'descending' } }))
    expect(descending[0].status).toBe('THROTTLED')
    expect(descending.at(-1)?.status).toBe('DRAFT')
  })

  it('finds by name ignoring case and accents, or by a piece of the ID', () => {
    expect(names(applyFilters(flows, filters({ query: 'RESUME' })))).toEqual(['Résumé upload'])
    expect(names(applyFilters(flows, filters({ query: '  promo ' })))).toEqual(['Old promo'])
    expect(names(applyFilters(flows, filters({ query: '5540595' })))).toEqual(['Loan collection'])
    expect(applyFilters(flows, filters({ query: 'nothing like it' }))).toEqual([])
  })

  it('filters by status, with OTHER for statuses 8x8 does not document', () => {
    expect(names(applyFilters(flows, filters({ status: 'DRAFT' })))).toEqual(['flow 10', 'Old promo'])
    expect(names(applyFilters(flows, filters({ status: 'OTHER' })))).toEqual(['Store locator'])
    expect(names(applyFilters(flows, filters({ status: 'PUBLISHED', query: 'loan' })))).toEqual(['Loan collection'])
  })

  it('does not reorder the list it was given', () => {
    const copy = [...flows]
    applyFilters(flows, filters({ sort: { key: 'name', direction: 'descending' } }))
    expect(flows).toEqual(copy)
  })

  it('round-trips through the URL, leaving defaults out and other params in', () => {
    const chosen = filters({ query: 'promo été', status: 'PUBLISHED', sort: { key: 'status', direction: 'descending' } })
    const params = paramsWithFilters(new URLSearchParams('flow=123'), chosen)
    expect(params.toString()).toBe('flow=123&q=promo+%C3%A9t%C3%A9&status=PUBLISHED&sort=-status')
    expect(filtersFromParams(params)).toEqual(chosen)
    expect(paramsWithFilters(params, filters({})).toString()).toBe('flow=123')
  })

  it('reads a hand-edited URL leniently: unknown values fall back to the defaults', () => {
    expect(filtersFromParams(new URLSearchParams('status=draft&sort=-size'))).toEqual(filters({ status: 'DRAFT' }))
    expect(filtersFromParams(new URLSearchParams('status=BOGUS&sort=-name'))).toEqual(
      filters({ sort: { key: 'name', direction: 'descending' } }),
    )
  })
})

describe('search matches every word', () => {
  const named = [
    { id: '1', name: 'Customer feedback – draft 2', status: 'DRAFT' },
    { id: '2', name: 'Feedback (published)', status: 'PUBLISHED' },
    { id: '3', name: 'Résumé upload', status: 'DRAFT' },
  ]
  it.each([
    ['feedback draft', ['1']],
    ['DRAFT feedback', ['1']],
    ['feedback', ['1', '2']],
    ['resume', ['3']],
    ['  customer   2 ', ['1']],
    ['feedback-draft', ['1']],
    ['feedback (published)', ['2']],
    ['feedback nothing', []],
  ])('%j finds %j, in any order, ignoring case, accents and punctuation', (query, ids) => {
    expect(filterFlows(named, { query, status: 'ALL' }).map((flow) => flow.id)).toEqual(ids)
  })
})
