import { firstPageReads } from '../shared/first-page'

/**
 * What the first page needs, to ask for before anything renders: what the server preloads for it
 * (`<link rel="preload" as="fetch">` in the page it served, e.g. the first channel's list for `/`),
 * and what the address names (all there is under Vite's dev server, which preloads nothing).
 */
export function earlyReads(doc: Document, pathname: string): string[] {
  const preloaded = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map((link) => link.getAttribute('href') ?? '')
  return [...new Set([...firstPageReads(pathname), ...preloaded.filter((href) => href.startsWith('/api/'))])]
}
