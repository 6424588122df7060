import { getRequestListener } from '@hono/node-server'
import type { Plugin, ViteDevServer } from 'vite'

const devEntry = '/src/server/dev-app.ts'

function isProxyPath(url: string | undefined): boolean {
  return url !== undefined && (url.startsWith('/api/') || url === '/healthz')
}

async function loadApp(server: ViteDevServer) {
  const module = (await server.ssrLoadModule(devEntry)) as typeof import('./dev-app')
  return module.app
}

/**
 * `npm run dev`: Vite serves the SPA with hot reload and hands /api/* and /healthz to the proxy,
 * loaded through Vite so edits to server code apply on the next request (the sandbox's state resets then).
 */
export function flowsAdminProxy(): Plugin {
  return {
    name: 'flows-admin-proxy',
    apply: 'serve',
    async configureServer(server) {
      // Load once now, so a configuration error stops `npm run dev` at once instead of on first request.
      try {
        await loadApp(server)
      } catch (error) {
        server.config.logger.error(`flows-admin: ${(error as Error).message}`)
        process.exit(1)
      }
      server.middlewares.use((req, res, next) => {
        if (!isProxyPath(req.url)) return next()
        loadApp(server)
          .then((app) => getRequestListener(app.fetch)(req, res))
          .catch(next)
      })
    },
  }
}
