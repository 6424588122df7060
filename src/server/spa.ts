import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import type { Logger } from 'pino'
import { channelInPath, flowsPagePath } from './page/flows-page-path'
import { configuredChannel, type AppConfig } from '../shared/flow'
import type { ChannelScope } from '../shared/paths'
import type { AppEnv } from './app-env'
import { framedBySelfHeaders, pageSecurityHeaders } from './middleware/security-headers'
import { plainPage } from './page/page-state'
import { appHtmlMarker } from './page/html-marker'
import { withInlineStyles } from './page/inline-styles'
import { acceptedEncoding, compressStream, compressText } from './compression'
import { preferredLocale } from './page/preferred-locale'
import { withNoscriptSearch } from './page/noscript-search'
import { renderPage } from './page/render-page'

/** How long a flows page may wait for 8x8's list before it is sent loading (the browser then finishes). */
export const listWaitMs = 800

/** What the page is served with, for the request it answers (the operator is in the configuration). */
export type PageData = {
  appConfig: (c: Context<AppEnv>) => AppConfig
  /** A GET of this server's own API on behalf of the page's request (its headers, its connection). */
  read: (c: Context<AppEnv>, path: string) => Promise<Response>
  logger: Pick<Logger, 'error'>
}

/**
 * Serves Vite's build: hashed assets cached for a year; a flows page rendered by the server
 * (page/render-page.tsx); every other address that is not a file gets index.html with the
 * configuration (history fallback), so a reload or a shared link to any view works. `/` redirects to
 * `home`, the first configured channel. Reads index.html once, at start-up, and throws if the client
 * was not built.
 */
export function spa(clientDir: string, { home, waitMs = listWaitMs, framesSelf = false }: { home: ChannelScope; waitMs?: number; /** The sandbox: its preview pages are framed by the console. */ framesSelf?: boolean }) {
  let template: string
  try {
    template = readFileSync(join(clientDir, 'index.html'), 'utf8')
  } catch {
    throw new Error(`The web client is not built (no ${join(clientDir, 'index.html')}): run npm run build`)
  }
  if (!template.includes(appHtmlMarker)) throw new Error(`${join(clientDir, 'index.html')} has no ${appHtmlMarker}: build it again`)
  template = withInlineStyles(template, clientDir)

  return (app: Hono<AppEnv>, { appConfig, read, logger }: PageData) => {
    const page = async (c: Context<AppEnv>) => {
      c.header('cache-control', 'no-cache')
      // Compressed per request as the browser accepts it: a page holds its styles, its rows and their list.
      const encoding = acceptedEncoding(c.req.header('accept-encoding'))
      const htmlHeaders = { 'content-type': 'text/html; charset=UTF-8', vary: 'Accept-Encoding' }
      const config = appConfig(c)
      const scope = channelInPath(c.req.path)
      if (scope) {
        const url = new URL(c.req.url)
        // The list is read only for a channel this deployment serves; another gets its explanation.
        const configured = configuredChannel(config, scope.accountId, scope.channelId) !== undefined
        const body = renderPage(withNoscriptSearch(template, url.searchParams), configured ? { accountId: config.accountId, channelId: scope.channelId } : undefined, {
          url: url.pathname + url.search,
          config,
          nonce: c.get('secureHeadersNonce') ?? '',
          locale: preferredLocale(c.req.header('accept-language')),
          read: (path) => read(c, path),
          listWaitMs: waitMs,
          onError: (error) => logger.error({ err: error, requestId: c.get('requestId') }, 'rendering a page failed; the browser renders it'),
        })
        // Streamed: a proxy in front (nginx) must pass the head on at once, not buffer the page whole.
        const streamed = { ...htmlHeaders, 'x-accel-buffering': 'no' }
        return encoding ? c.body(compressStream(body, encoding), 200, { ...streamed, 'content-encoding': encoding }) : c.body(body, 200, streamed)
      }
      const html = plainPage(withNoscriptSearch(template, undefined), config)
      return encoding ? c.body(await compressText(html, encoding), 200, { ...htmlHeaders, 'content-encoding': encoding }) : c.body(html, 200, htmlHeaders)
    }
    app.use('/assets/*', async function immutableAssets(c, next) {
      await next()
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable')
    })
    app.get('/', (c) => c.redirect(flowsPagePath(home), 302))
    // The build writes each asset's brotli and gzip forms beside it (vite.config.ts): sent as the
    // browser accepts them, with no compressing per request.
    // The build's manifest (which source each hashed file holds) is for the bundle report, not for browsers.
    app.get('/.vite/*', (c) => c.notFound())
    app.get('*', serveStatic({ root: clientDir, precompressed: true }))
    // The sandbox's stand-in for Meta's preview page, framed by the editor (and only by this console).
    if (framesSelf) app.use('/accounts/:accountId/channels/:channelId/flows/:flowId/phone', framedBySelfHeaders())
    app.get('*', pageSecurityHeaders({ framesSelf }), (c, next) => (c.req.path.startsWith('/assets/') ? next() : page(c)))
  }
}
