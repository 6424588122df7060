import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './app-env'

/**
 * Serves Vite's build: hashed assets cached for a year, everything else that is not a file gets
 * index.html (history fallback), so a reload or a shared link to any view works.
 * Reads index.html once, at start-up, and throws if the client was not built.
 */
export function spa(clientDir: string) {
  let indexHtml: string
  try {
    indexHtml = readFileSync(join(clientDir, 'index.html'), 'utf8')
  } catch {
    throw new Error(`The web client is not built (no ${join(clientDir, 'index.html')}): run npm run build`)
  }
  return (app: Hono<AppEnv>) => {
    app.use('/assets/*', async function immutableAssets(c, next) {
      await next()
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable')
    })
    app.get('*', serveStatic({ root: clientDir }))
    app.get('*', (c, next) => {
      if (c.req.path.startsWith('/assets/')) return next()
      c.header('cache-control', 'no-cache')
      return c.html(indexHtml)
    })
  }
}
