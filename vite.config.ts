import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { constants } from 'node:zlib'
import { defineConfig } from 'vite'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'
import { reactRouterTreeShaking } from './scripts/react-router-tree-shaking.ts'
import { flowsAdminProxy } from './src/server/dev-plugin.ts'

// react-router's package exports only its development build (remix-run/react-router#12532, #14102):
// its warnings and checks would ship. The browser build takes the production build it also ships.
const reactRouterProduction = fileURLToPath(new URL('node_modules/react-router/dist/production/index.mjs', import.meta.url))

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [
    react(),
    flowsAdminProxy(),
    reactRouterTreeShaking(),
    // The browser's files, also as brotli and gzip beside each (the server sends what the browser
    // accepts: src/server/spa.ts). index.html is not among them: the server writes each page itself.
    !isSsrBuild &&
      compression({
        algorithms: [defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
        include: /\.(js|css|svg)$/,
        threshold: 1024,
        logLevel: 'silent',
      }),
  ],
  resolve: command === 'build' && !isSsrBuild ? { alias: { 'react-router': reactRouterProduction } } : undefined,
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The server bundle (vite build --ssr) needs no copy of public/.
  publicDir: isSsrBuild ? false : 'public',
  // The server renders the app's pages with React's production build, bundled with the server (with
  // everything that imports React, so there is one copy of it): whatever NODE_ENV the process has.
  ssr: isSsrBuild ? { noExternal: [/^react(-dom|-router)?(\/|$)/, /^scheduler/, /^@tanstack\//, /^@radix-ui\//] } : undefined,
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : undefined,
  build: isSsrBuild
    ? {
        outDir: 'dist/server',
        emptyOutDir: true,
        rolldownOptions: {
          input: { main: 'src/server/main.ts', 'hash-password': 'src/server/auth/hash-password-cli.ts' },
          output: { entryFileNames: '[name].js' },
        },
      }
    : {
        outDir: 'dist/client',
        emptyOutDir: true,
        // Every browser the console supports preloads modules itself: no polyfill in the first page.
        modulePreload: { polyfill: false },
        // Which file holds which source (dist/client/.vite/manifest.json; the server never serves it).
        manifest: true,
        rolldownOptions: {
          output: {
            // Everything the first page imports statically, in one chunk (src/main.tsx and what it
            // needs). Left to itself the splitter moves modules that lazy chunks share with the first
            // page (React's JSX runtime, a one-line helper) into extra initial chunks.
            // The small modules several lazy views share, in one file rather than four: the first page names
            // each lazy file, so every extra file costs its name and hash there.
            codeSplitting: {
              groups: [
                { name: 'app', test: /src\/main\.tsx$/ },
                // The small pages (home's redirect, not found, an unknown channel), one file.
                { name: 'small-pages', test: /src\/app\/routes\/(home-route|not-found-route|unknown-channel)\.tsx$/ },
                // The small pages (home's redirect, not found, an unknown channel), one file.
                { name: 'small-pages', test: /src\/app\/routes\/(home-route|not-found-route|unknown-channel)\.tsx$/ },
                { name: 'shared', test: /src\/(shared\/(flow-history|error-codes)|components\/(date-time|side-panel)|features\/flows\/api\/flow-details|features\/preview\/(lazy-preview|preview-loader))\.tsx?$/ },
              ],
            },
            // Lazy files are named by six characters of hash only: the first page names every lazy file (its
            // preload map and imports), and names and random characters cost it bytes (dropping the names saved
            // 137 bytes; 36 bits still tell a few dozen files, and their versions, apart). Which source each
            // file holds is in Vite's manifest (the bundle report reads it). The first page's own file keeps its
            // name (the page's HTML names it, not the first page's code).
            chunkFileNames: (chunk) => (chunk.name === 'app' ? 'assets/app-[hash:6].js' : 'assets/[hash:6].js'),
            entryFileNames: 'assets/[name]-[hash:6].js',
            assetFileNames: 'assets/[name]-[hash:6][extname]',
          },
        },
      },
}))
