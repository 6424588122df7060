import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import { configElementId, firstPageReads } from '../shared/first-page'
import type { AppConfig } from '../shared/flow'
import { configPath, type ChannelScope } from '../shared/paths'
import type { AppEnv } from './app-env'

/** Only what the app's own path builders make (ids are checked, and encoded): safe in an attribute as it is. */
const plainPath = /^\/api\/[\w\-./%?=]*$/

/**
 * The page as served for `pathname`: the configuration written into it (a JSON data block, which the
 * CSP allows: it is never run), and the first page's reads preloaded: for a flows page (or `/`, the
 * first channel's) the list and templates, which the browser asks for while it loads the app's code
 * instead of once that code has run. The app takes both (early-requests.ts, embedded-config.ts).
 */
export function firstPageHtml(indexHtml: string, pathname: string, home: ChannelScope, config: AppConfig): string {
  const links = firstPageReads(pathname, home)
    .filter((path) => path !== configPath && plainPath.test(path))
    .map((path) => `<link rel="preload" as="fetch" crossorigin href="${path}">`)
    .join('')
  // Every `<` escaped: no text in the configuration (a channel's or an operator's name) can end the
  // element or start a comment; JSON.parse reads \u003c back as `<`.
  const data = `<script type="application/json" id="${configElementId}">${JSON.stringify(config).replaceAll('<', '\\u003c')}</script>`
  return indexHtml.replace('</head>', `${data}${links}</head>`)
}

/** What the page is served with, for the request it answers (the operator is in the configuration). */
export type PageData = { appConfig: (c: Context<AppEnv>) => AppConfig }

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
  return (app: Hono<AppEnv>, { appConfig }: PageData) => {
    const page = (c: Context<AppEnv>) => {
      c.header('cache-control', 'no-cache')
      return c.html(firstPageHtml(indexHtml, c.req.path, home, appConfig(c)))
    }
    app.use('/assets/*', async function immutableAssets(c, next) {
      await next()
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable')
    })
    // `/` before the files: serveStatic would answer it with index.html as built, without the configuration and preloads.
    app.get('/', page)
    // The build writes each asset's brotli and gzip forms beside it (vite.config.ts): sent as the
    // browser accepts them, with no compressing per request.
    app.get('*', serveStatic({ root: clientDir, precompressed: true }))
    app.get('*', (c, next) => (c.req.path.startsWith('/assets/') ? next() : page(c)))
  }
}
