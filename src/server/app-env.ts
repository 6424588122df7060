import type { RequestIdVariables } from 'hono/request-id'
import type { Access } from './auth/access'

/** What every handler of the proxy can read from its context. */
export type AppEnv = {
  Variables: RequestIdVariables & {
    /** Who is signed in; null when AUTH_MODE=none. */
    operator: string | null
    /** What they may do: their role, and their roles in particular channels (auth/access.ts). */
    access: Access
  }
}
