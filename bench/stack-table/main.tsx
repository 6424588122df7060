import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { BrowserRouter, Route, Routes } from 'react-router'
import { FlowsPage } from './flows-page'
import { flowsQuery } from './flows-query'

/**
 * The plain table on the libraries Flows Admin's first page is built on (React, react-router,
 * react-query), and nothing else: the floor of that stack for the same rows and the same request.
 */
const queryClient = new QueryClient()
void queryClient.prefetchQuery(flowsQuery)

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <BrowserRouter>
      <Routes>
        <Route path="*" element={<FlowsPage />} />
      </Routes>
    </BrowserRouter>
  </QueryClientProvider>,
)
