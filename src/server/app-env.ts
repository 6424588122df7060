import type { RequestIdVariables } from 'hono/request-id'

/** What every handler of the proxy can read from its context. */
export type AppEnv = {
  Variables: RequestIdVariables & {
    /** Who is signed in; null when AUTH_MODE=none. */
    operator: string | null
  }
}
