import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { flowsAdminProxy } from './src/server/dev-plugin.ts'

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), flowsAdminProxy()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The server bundle (vite build --ssr) needs no copy of public/.
  publicDir: isSsrBuild ? false : 'public',
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
        rolldownOptions: {
          output: {
            // Everything the first page imports statically, in one chunk (src/main.tsx and what it
            // needs). Left to itself the splitter moves modules that lazy chunks share with the first
            // page (React's JSX runtime, a one-line helper) into extra initial chunks.
            codeSplitting: { groups: [{ name: 'app', test: /src\/main\.tsx$/ }] },
          },
        },
      },
}))
