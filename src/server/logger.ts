import pino, { type DestinationStream, type Logger } from 'pino'
import { secretScrubber } from './secret-scrubber'

/**
 * Structured JSON logs. The API key is never handed to the logger on purpose; as a last line of
 * defence every line is scrubbed of `secrets` (as written and JSON-escaped, any case) before it is
 * written, and authorization headers are redacted should a request's headers ever be logged.
 */
export function createLogger(destination?: DestinationStream, { secrets = [] }: { secrets?: string[] } = {}): Logger {
  const scrubbers = secrets
    .filter((secret) => secret !== '')
    .flatMap((secret) => [secretScrubber(secret), secretScrubber(JSON.stringify(secret).slice(1, -1))])
  return pino(
    {
      level: 'info',
      base: { service: 'flows-admin' },
      redact: { paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
      hooks: scrubbers.length === 0 ? {} : { streamWrite: (line) => scrubbers.reduce((text, scrub) => scrub(text), line) },
    },
    destination,
  )
}
