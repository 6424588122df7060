import { existsSync } from 'node:fs'
import { createApp } from './app'
import { ConfigError, loadConfig } from './config'
import { createLogger } from './logger'
import { storeFor } from './store/store-for'
import { upstreamFor } from './upstream/create'

if (existsSync('.env')) process.loadEnvFile('.env')

function readConfig() {
  try {
    return loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`configuration error: ${error.message}`, { cause: error })
    throw error
  }
}

const config = readConfig()

/** The proxy as `npm run dev` runs it inside Vite's dev server (no SPA serving: Vite does that). */
const logger = createLogger(undefined, { secrets: config.mode === 'live' ? [config.upstream.apiKey] : [] })
const store = await storeFor(config, logger)

export const app = createApp({ config, upstream: upstreamFor(config), logger, audit: store.audit, store })
