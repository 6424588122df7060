import '@tanstack/react-query'
import type { ApiError } from './api-error'

/** What a failure was about, for the browser's Recent errors list (see app/query-client.ts). */
type ErrorContext = { action: string }

// The one client always throws ApiError, so queries and mutations can say so.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError
    queryMeta: Partial<ErrorContext>
    mutationMeta: Partial<ErrorContext>
  }
}
