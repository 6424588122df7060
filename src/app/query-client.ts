import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from '../api/api-error'
import { recordError } from '../components/recent-errors/recent-errors-store'

/** A mutation's variables, when they are a flow: named in the Recent errors list. */
function flowOf(variables: unknown): { flowName?: string; flowId?: string } {
  if (typeof variables !== 'object' || variables === null) return {}
  const { id, name } = variables as { id?: unknown; name?: unknown }
  return typeof id === 'string' ? { flowId: id, flowName: typeof name === 'string' ? name : undefined } : {}
}

/**
 * Retry only what a second try can fix: the network or a gateway hiccup; never 4xx, never a timeout.
 * Every failure that carries a `meta.action` is kept in this browser's Recent errors.
 */
export function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && query.meta?.action) recordError(error, { action: query.meta.action })
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, variables, _context, mutation) => {
        if (isApiError(error) && mutation.meta?.action) recordError(error, { action: mutation.meta.action, ...flowOf(variables) })
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 1 && [0, 502, 503].includes(error.status),
      },
    },
  })
}
