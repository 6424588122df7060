import { expect, it } from 'vitest'
import { liveConfig, memoryLog } from '../test-support'
import { storeFor } from './store-for'

it('says why a SQLite file cannot be opened, in one line that names it', async () => {
  const config = { ...liveConfig(), databaseUrl: 'file:/proc/flows-admin.db' }
  await expect(storeFor(config, memoryLog().logger)).rejects.toThrow(
    /^DATABASE_URL: cannot open file:\/proc\/flows-admin\.db: .*Unable to open connection to local database \/proc\/flows-admin\.db/,
  )
})
