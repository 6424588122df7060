import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import { firstPageReads } from '../shared/first-page'
import type { ChannelScope } from '../shared/paths'
import type { AppEnv } from './app-env'

/** Only what the app's own path builders make (ids are checked, and encoded): safe in an attribute as it is. */
const plainPath = /^\/api\/[\w\-./%?=]*$/

/**
 * The page with the first page's reads preloaded: the browser asks for the configuration, and for a
 * flows page (or `/`, the first channel's) the list and templates, while it loads the app's code,
 * instead of once that code has run. The app takes these answers (early-requests.ts).
 */
export function withPreloads(indexHtml: string, pathname: string, home: ChannelScope): string {
  const links = firstPageReads(pathname, home)
    .filter((path) => plainPath.test(path))
    .map((path) => `<link rel="preload" as="fetch" crossorigin href="${path}">`)
    .join('')
  return indexHtml.replace('</head>', `${links}</head>`)
}

/**
 * Serves Vite's build: hashed assets cached for a year, everything else that is not a file gets
 * index.html (history fallback), so a reload or a shared link to any view works.
 * Reads index.html once, at start-up, and throws if the client was not built.
 * `home`: the channel `/` opens (the first configured one).
 */
export function spa(clientDir: string, { home }: { home: ChannelScope }) {
  let indexHtml: string
  try {
    indexHtml = readFileSync(join(clientDir, 'index.html'), 'utf8')
  } catch {
    throw new Error(`The web client is not built (no ${join(clientDir, 'index.html')}): run npm run build`)
  }
  const page = (c: Context<AppEnv>) => {
    c.header('cache-control', 'no-cache')
    return c.html(withPreloads(indexHtml, c.req.path, home))
  }
  return (app: Hono<AppEnv>) => {
    app.use('/assets/*', async function immutableAssets(c, next) {
      await next()
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable')
    })
    // `/` before the files: serveStatic would answer it with index.html as built, without the preloads.
    app.get('/', page)
    app.get('*', serveStatic({ root: clientDir }))
    app.get('*', (c, next) => (c.req.path.startsWith('/assets/') ? next() : page(c)))
  }
}
