import { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { renderToReadableStream } from 'react-dom/server'
import { StaticRouter } from 'react-router'
import { fromNetworkFailure, fromResponse } from '../../api/api-error'
import { readJson } from '../../api/client'
import { AppRoot } from '../../app/app-root'
import { ServerListContext } from '../../app/server-list-context'
import { configQuery } from '../../features/config/api/config-query'
import { flowQueries } from '../../features/flows/api/flow-queries'
import { templateQueries } from '../../features/flows/api/flow-templates'
import type { FlowTemplateList } from '../../shared/deleted-flows'
import type { AppConfig, FlowList } from '../../shared/flow'
import { flowListPath, templatesPath, type ChannelScope } from '../../shared/paths'
import { appHtmlMarker } from './html-marker'
import { pageStateScript } from './page-state'

export type PageRequest = {
  /** The page's address: path and query (filters, sort, `?flow=`). */
  url: string
  config: AppConfig
  /** The CSP nonce React's streaming scripts carry. */
  nonce: string
  /** A GET of this server's own API, with the page request's headers: the same sign-in and checks. */
  read: (path: string) => Promise<Response>
  /** How long the rows may keep the page open: past it, the page is sent loading and the browser finishes. */
  listWaitMs: number
  onError: (error: unknown) => void
}

type Outcome<T> = { data: T } | { error: unknown }

/** A GET of the app's own API, as the browser's query would see it: its data, or the ApiError. */
function outcomeOf<T>(answer: Promise<Response>): Promise<Outcome<T>> {
  return answer
    .then(async (response) => (response.ok ? { data: await readJson<T>(response) } : { error: await fromResponse(response) }), () => ({ error: fromNetworkFailure() }))
    .catch((error: unknown) => ({ error }))
}

function within<T>(promise: Promise<T>, until: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, until - performance.now()))))
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

/**
 * The channel's list into the render's cache, as the browser's query would have it (its data, or the
 * ApiError with 8x8's code and Error ID), if it arrives within `listWaitMs`; otherwise the page renders
 * loading. Its templates too (a draft a template uses says so on its row), when they are in by then.
 * Nothing writes to the cache after this settles, so the state sent with the page is the one its rows
 * were rendered from.
 */
async function settleList(queryClient: QueryClient, scope: ChannelScope, { read, listWaitMs }: PageRequest): Promise<void> {
  const until = performance.now() + listWaitMs
  const templates = outcomeOf<FlowTemplateList>(read(templatesPath(scope)))
  const list = await within(outcomeOf<FlowList>(read(flowListPath(scope))), until)
  const { queryKey, meta } = flowQueries.list(scope)
  if (list === undefined) {
    // Rendered as the browser's first render will have it: loading, and fetching (its Refresh busy).
    void queryClient.prefetchQuery({ queryKey, meta, queryFn: () => new Promise<never>(() => undefined) })
    return
  }
  // Only templates that arrived: a failure shows as a notice the browser renders once it asks again.
  const used = await within(templates, until)
  if (used && 'data' in used) queryClient.setQueryData(templateQueries.list(scope).queryKey, used.data)
  await queryClient.prefetchQuery({ queryKey, meta, retry: false, queryFn: () => ('data' in list ? list.data : Promise.reject(list.error)) })
}

/**
 * A page of the app rendered by React's streaming renderer into `template` (index.html as built): its
 * head (the CSS and the app's code) goes out at once, then the shell with the flows page loading, then
 * the rows as soon as the list is in (`AwaitServerList`), then the query cache the browser hydrates
 * from. Rejects when the shell itself cannot render (the caller then serves the page unrendered).
 */
export async function renderPage(template: string, request: PageRequest): Promise<ReadableStream<Uint8Array>> {
  const [head, tail] = template.split(appHtmlMarker)
  // Never fetches on its own: what the page holds is what settleList put in, or nothing.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity, enabled: false } } })
  queryClient.setQueryData(configQuery.queryKey, request.config)
  const waits = new Map<string, Promise<void>>()
  const waitFor = (scope: ChannelScope) => {
    const key = flowListPath(scope)
    let wait = waits.get(key)
    if (!wait) waits.set(key, (wait = settleList(queryClient, scope, request)))
    return wait
  }
  const Router = ({ children }: { children: ReactNode }) => <StaticRouter location={request.url}>{children}</StaticRouter>
  const app = await renderToReadableStream(
    <ServerListContext value={waitFor}>
      <AppRoot queryClient={queryClient} router={Router} />
    </ServerListContext>,
    { nonce: request.nonce, onError: request.onError },
  )
  const encoder = new TextEncoder()
  const reader = app.getReader()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head))
    },
    async pull(controller) {
      const { done, value } = await reader.read()
      if (!done) return controller.enqueue(value)
      controller.enqueue(encoder.encode(tail.replace('</body>', `${pageStateScript(queryClient)}</body>`)))
      controller.close()
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
