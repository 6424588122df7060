import { configElementId, firstPageReads } from '../shared/first-page'
import { configPath } from '../shared/paths'

/**
 * Answers the served page holds: the configuration, which the server writes into it (server/spa.ts).
 * None under Vite's dev server, which serves the page as it is.
 */
export function pageAnswers(doc: Document): Record<string, string> {
  const config = doc.getElementById(configElementId)?.textContent
  return config ? { [configPath]: config } : {}
}

/**
 * What the first page needs, to ask for before anything renders: what the server preloads for it
 * (`<link rel="preload" as="fetch">` in the page it served, e.g. the first channel's list for `/`),
 * and what the address names (all there is under Vite's dev server, which preloads nothing); not what
 * the page already holds.
 */
export function earlyReads(doc: Document, pathname: string): string[] {
  const preloaded = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map((link) => link.getAttribute('href') ?? '')
  const held = pageAnswers(doc)
  return [...new Set([...firstPageReads(pathname), ...preloaded.filter((href) => href.startsWith('/api/'))])].filter((path) => !(path in held))
}
