import { dehydrate, hydrate, QueryClient } from '@tanstack/react-query'
import { act, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { BrowserRouter, StaticRouter } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { mockConfig, mockDb } from '../mocks/handlers/flows'
import { retail } from '../test/flows-page'
import { configQuery } from '../features/config/api/config-query'
import { flowQueries } from '../features/flows/api/flow-queries'
import { templateQueries } from '../features/flows/api/flow-templates'
import type { FlowList } from '../shared/flow'
import { AppRoot } from './app-root'
import { createQueryClient } from './query-client'

// The server renders a flows page from these components (src/server/page) and the browser hydrates
// it. React's development build, which these tests run, reports every difference between the two,
// attributes included (the production build the e2e suite runs reports only some).

const scope = { accountId: mockConfig.accountId, channelId: 'retail-channel' }
let root: Root | undefined

afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.innerHTML = ''
})

/** The page as the server renders it at `path`, with the list (and templates) in its cache. */
function serverPage(path: string, list: FlowList) {
  const server = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity, enabled: false } } })
  server.setQueryData(configQuery.queryKey, mockConfig)
  server.setQueryData(flowQueries.list(scope).queryKey, list)
  server.setQueryData(templateQueries.list(scope).queryKey, { templates: [] })
  const Router = ({ children }: { children: ReactNode }) => <StaticRouter location={path}>{children}</StaticRouter>
  return { html: renderToString(<AppRoot queryClient={server} router={Router} />), state: dehydrate(server) }
}

/** Hydrates it as main.tsx does, and returns what React said in the console meanwhile. */
async function hydrated(path: string, list: FlowList): Promise<string[]> {
  const { html, state } = serverPage(path, list)
  window.history.replaceState(null, '', path)
  const container = document.createElement('div')
  container.id = 'root'
  container.innerHTML = html
  document.body.append(container)
  const said: string[] = []
  console.error = (...args: unknown[]) => void said.push(args.map(String).join(' '))
  const browser = createQueryClient()
  hydrate(browser, state)
  await act(async () => {
    root = hydrateRoot(container, <AppRoot queryClient={browser} router={BrowserRouter} />, { onRecoverableError: (error) => said.push(`recoverable: ${String(error)}`) })
  })
  return said.filter((line) => !line.includes('The tag <%s> is unrecognized'))
}

describe('a flows page the server rendered, hydrated', () => {
  it('matches what the browser renders: no warning, and the rows stay', async () => {
    const said = await hydrated(retail, { flows: mockDb.flows['retail-channel'] })
    expect(said).toEqual([])
    expect(screen.getAllByRole('rowheader').length).toBe(mockDb.flows['retail-channel'].length)
  })

  it('with a filter and a sort in the address', async () => {
    const said = await hydrated(`${retail}?q=sale&sort=-name`, { flows: mockDb.flows['retail-channel'] })
    expect(said).toEqual([])
    expect(screen.getByText(/^1 of \d+ flows$/)).toBeInTheDocument()
  })

  it('with a list long enough to be windowed, which the server renders as its first rows', async () => {
    const flows = Array.from({ length: 400 }, (_, n) => ({ id: String(1_500_000_000_000_000 + n), name: `Campaign ${String(n).padStart(4, '0')}`, status: 'DRAFT' }))
    const said = await hydrated(retail, { flows })
    expect(said).toEqual([])
    expect(screen.getByRole('table', { name: /^Flows in / })).toHaveAttribute('aria-rowcount', '401')
  })
})
