import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { BrowserRouter, Route, Routes } from 'react-router'
import type { FlowList } from '../../src/shared/flow'
import { PlainTable } from '../plain-table/plain-table'

/**
 * The plain table on the libraries Flows Admin's first page is built on (React, react-router,
 * react-query), and nothing else: the floor of that stack for the same rows and the same request.
 */
const flowsQuery = { queryKey: ['flows'], queryFn: async () => (await fetch('/flows.json')).json() as Promise<FlowList> }
const queryClient = new QueryClient()
void queryClient.prefetchQuery(flowsQuery)

function Flows() {
  const { data } = useQuery(flowsQuery)
  return data ? <PlainTable flows={data.flows} /> : <p>Loading…</p>
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <BrowserRouter>
      <Routes>
        <Route path="*" element={<Flows />} />
      </Routes>
    </BrowserRouter>
  </QueryClientProvider>,
)
