import { z } from 'zod'
import { isAccountId } from '../shared/ids'

// The environment as the server reads it: each variable checked, with its default.

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional())

/** An optional whole number in [min, max]; one message for every way it can be wrong. */
function wholeNumber({ min, max, fallback, unit = '' }: { min: number; max: number; fallback: number; unit?: string }) {
  const message = `must be a whole number${unit} from ${min} to ${max}`
  return z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback),
  )
}

const sandboxFlowsMessage = 'must be a whole number of flows from 1 to 1000'

export const envSchema = z.object({
  HOST: optionalString.default('127.0.0.1'),
  PORT: wholeNumber({ min: 0, max: 65535, fallback: 8080 }),
  EIGHTX8_API_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      // The message must never echo the value: it is a secret.
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (check for a stray quote or newline)')
      .optional(),
  ),
  EIGHTX8_ACCOUNT_ID: optionalString.refine((v) => v === undefined || isAccountId(v), {
    error: "must be 8x8's account id: a UUID, dashes optional (e.g. 5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19)",
  }),
  EIGHTX8_CHANNELS: optionalString,
  EIGHTX8_BASE_URL: optionalString,
  EIGHTX8_REGION: z.preprocess(
    blankToUndefined,
    z.enum(['apac', 'us', 'eu', 'id'], { error: 'must be one of apac, us, eu, id' }).optional(),
  ),
  EIGHTX8_TIMEOUT_MS: wholeNumber({ min: 100, max: 120_000, fallback: 10_000, unit: ' of milliseconds' }),
  EIGHTX8_RATE_LIMIT_PER_MINUTE: wholeNumber({ min: 0, max: 10_000, fallback: 100 }),
  EIGHTX8_LIST_REUSE_MS: wholeNumber({ min: 0, max: 600_000, fallback: 10_000, unit: ' of milliseconds' }),
  AUTH_MODE: z.preprocess(
    blankToUndefined,
    z.enum(['none', 'basic', 'header'], { error: 'must be one of none, basic, header' }).optional(),
  ),
  OPERATORS_FILE: optionalString,
  AUTH_HEADER: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name')
      .default('X-Forwarded-User'),
  ),
  TRUSTED_PROXIES: optionalString,
  AUTH_GROUPS_HEADER: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name').default('X-Forwarded-Groups')),
  AUTH_ROLE_HEADER: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name').optional()),
  ROLE_MAP: optionalString,
  DEFAULT_ROLE: optionalString,
  ALLOWED_HOSTS: optionalString,
  AUDIT_LOG: optionalString,
  DATABASE_URL: optionalString.refine((v) => v === undefined || v === ':memory:' || /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
    error: 'must be file:<path> (SQLite), :memory:, or postgres://user:password@host:port/database',
  }),
  RETENTION_DAYS: wholeNumber({ min: 1, max: 3650, fallback: 90, unit: ' of days' }),
  SANDBOX_LATENCY_MS: wholeNumber({ min: 0, max: 10_000, fallback: 300, unit: ' of milliseconds' }),
  SANDBOX_FLOWS: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: sandboxFlowsMessage }).int(sandboxFlowsMessage).min(1, sandboxFlowsMessage).max(1000, sandboxFlowsMessage).optional(),
  ),
})

export type Env = z.output<typeof envSchema>
