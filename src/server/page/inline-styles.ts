import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const stylesheetLink = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[\w.-]+\.css)">/g

/**
 * index.html as built, with the first page's stylesheet written into it (`<style>`, which the CSP
 * allows) instead of linked: the rows the server rendered can be painted as soon as they arrive, not
 * once a second request has come back (meanwhile the app's code would arrive and run first).
 */
export function withInlineStyles(template: string, clientDir: string): string {
  return template.replaceAll(stylesheetLink, (_link, file: string) => `<style>${readFileSync(join(clientDir, file), 'utf8').replaceAll('</style', '<\\/style')}</style>`)
}
