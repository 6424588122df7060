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
    : { outDir: 'dist/client', emptyOutDir: true },
}))
