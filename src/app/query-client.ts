import { QueryClient } from '@tanstack/react-query'

/** Retry only what a second try can fix: the network or a gateway hiccup; never 4xx, never a timeout. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 1 && [0, 502, 503].includes(error.status),
      },
    },
  })
}
