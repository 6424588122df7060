// oxlint-disable-next-line import/no-unassigned-import -- first, for its effect: the first page's requests start before anything else runs
import './app/early-requests'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { RootErrorBoundary } from './app/error-boundary'
import { prefetchFirstPage } from './app/prefetch-first-page'
import { AppProviders } from './app/providers'
import { createQueryClient } from './app/query-client'
import { AppRoutes } from './app/router'
import './index.css'

const queryClient = createQueryClient()
// Rendered with what has already arrived, without waiting for the rest (measured: waiting for the data
// made the first row later whenever there is latency; taking what is there makes it sooner).
await prefetchFirstPage(queryClient, window.location.pathname)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RootErrorBoundary>
      <AppProviders queryClient={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </RootErrorBoundary>
  </StrictMode>,
)
