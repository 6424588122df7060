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
const firstData = prefetchFirstPage(queryClient, window.location.pathname)

function render() {
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
}

// The first render waits a moment for the first page's data: when it is quick, the page appears once,
// with its rows, instead of a loading state that flashes, then a second render and layout.
const waitAtMostMs = 100
void Promise.race([firstData, new Promise((resolve) => setTimeout(resolve, waitAtMostMs))]).then(render)
