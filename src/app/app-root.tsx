import type { QueryClient } from '@tanstack/react-query'
import { StrictMode, type ReactNode } from 'react'
import { RootErrorBoundary } from './error-boundary'
import { AppProviders } from './providers'
import { AppRoutes } from './router'

/**
 * The whole app, as the browser renders it (main.tsx) and as the server renders a page of it
 * (server/page/render-page.tsx): the same tree, so hydration finds what the server sent. `router`
 * is the one difference: the browser's history, or the request's address.
 */
export function AppRoot({ queryClient, router: Router }: { queryClient: QueryClient; router: (props: { children: ReactNode }) => ReactNode }) {
  return (
    <StrictMode>
      <RootErrorBoundary>
        <AppProviders queryClient={queryClient}>
          <Router>
            <AppRoutes />
          </Router>
        </AppProviders>
      </RootErrorBoundary>
    </StrictMode>
  )
}
