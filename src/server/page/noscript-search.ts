import { filtersFromParams, statusFilters, statusLabels } from '../../features/flows/flow-filters'

/** Where index.html's notice for browsers without JavaScript takes a flows page's plain search. */
export const noscriptSearchMarker = '<!--noscript-search-->'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A flows page's search for a browser without JavaScript: a plain GET form with the search text and
 * the status (and the sort, kept), filled in from the address; the server renders the page for the
 * address it sends. Other pages get nothing there (the browser renders them, with JavaScript only).
 */
export function withNoscriptSearch(template: string, search: URLSearchParams | undefined): string {
  if (search === undefined) return template.replace(noscriptSearchMarker, '')
  const { query, status } = filtersFromParams(search)
  const sort = search.get('sort')
  const options = statusFilters.map((value) => `<option value="${value === 'ALL' ? '' : value}"${value === status ? ' selected' : ''}>${escape(statusLabels[value])}</option>`)
  const form = [
    '<search aria-label="Search without JavaScript"><form method="get">',
    `<label>Search by name or ID <input type="search" name="q" value="${escape(query)}"></label>`,
    `<label>Status <select name="status">${options.join('')}</select></label>`,
    sort ? `<input type="hidden" name="sort" value="${escape(sort)}">` : '',
    '<button type="submit" class="button button--primary">Search</button></form></search>',
  ]
  return template.replace(noscriptSearchMarker, form.join(''))
}
