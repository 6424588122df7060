import pino, { type DestinationStream, type Logger } from 'pino'

/**
 * Structured JSON logs. The API key is never handed to the logger; the redaction is a second line of
 * defence should a request's headers ever be logged.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: 'info',
      base: { service: 'flows-admin' },
      redact: { paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  )
}
