import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  test: {
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/server/**', 'src/shared/**'],
          setupFiles: ['./src/test/setup-ui.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          // client.test.ts forces a garbage collection while 8x8 hangs.
          execArgv: ['--expose-gc'],
          include: ['src/server/**/*.test.ts', 'src/shared/**/*.test.ts'],
        },
      },
      {
        extends: true,
        // The build's own plugins (scripts/), tested against the packages they transform.
        test: { name: 'build', environment: 'node', include: ['scripts/**/*.test.ts'] },
      },
    ],
  },
})
