import '@tanstack/react-query'
import type { ApiError } from './api-error'

// The one client always throws ApiError, so queries and mutations can say so.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError
  }
}
