import { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { renderToReadableStream } from 'react-dom/server'
import { StaticRouter } from 'react-router'
import { fromNetworkFailure, fromResponse } from '../../api/api-error'
import { readJson } from '../../api/client'
import { AppRoot } from '../../app/app-root'
import { configQuery } from '../../features/config/api/config-query'
import { flowQueries } from '../../features/flows/api/flow-queries'
import { templateQueries } from '../../features/flows/api/flow-templates'
import { nameOrder } from '../../features/flows/name-order'
import { NameOrderContext } from '../../features/flows/name-order-context'
import type { FlowTemplateList } from '../../shared/deleted-flows'
import type { AppConfig, FlowList } from '../../shared/flow'
import { flowListPath, templatesPath, type ChannelScope } from '../../shared/paths'
import { appHtmlMarker } from './html-marker'
import { pageStateScript } from './page-state'

export type PageRequest = {
  /** The page's address: path and query (filters, sort, `?flow=`). */
  url: string
  config: AppConfig
  /** The CSP nonce of this response: React's inline scripts, should it stream a part later, carry it. */
  nonce: string
  /** A GET of this server's own API, with the page request's headers: the same sign-in and checks. */
  read: (path: string) => Promise<Response>
  /** The language the request asks for first: names are sorted in its order, as the browser will (preferred-locale.ts). */
  locale: string | undefined
  /** How long the page waits for the list: past it, the page is sent loading and the browser finishes. */
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

/** `promise`'s value if it settles before `until` (a `performance.now()` time), else undefined. */
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
 * A page of the app rendered by React's streaming renderer into `template` (index.html as built). Its
 * head (the CSS and the app's code) goes out at once, so the browser fetches them while the server
 * waits for the channel's list (`scope`, when the address names a configured channel); then the page
 * with its rows, or loading when the list took longer than `listWaitMs`; then the query cache the
 * browser hydrates from.
 *
 * The page renders once the list is settled, not as a Suspense fallback that the rows replace: React
 * reveals a streamed boundary no sooner than 300 ms after its fallback was painted, which made the
 * rows paint later than a page the browser renders itself (bench/first-row.bench.ts). Should React
 * fail to render even the shell, the page goes out unrendered (with what was read) and the browser renders it.
 */
export function renderPage(template: string, scope: ChannelScope | undefined, request: PageRequest): ReadableStream<Uint8Array> {
  const [head, tail] = template.split(appHtmlMarker)
  // Never fetches on its own: what the page holds is what settleList put in, or nothing.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity, enabled: false } } })
  queryClient.setQueryData(configQuery.queryKey, request.config)
  const settled = scope ? settleList(queryClient, scope, request) : Promise.resolve()
  const order = nameOrder(request.locale)
  const Router = ({ children }: { children: ReactNode }) => (
    <NameOrderContext value={order}>
      <StaticRouter location={request.url}>{children}</StaticRouter>
    </NameOrderContext>
  )
  const encoder = new TextEncoder()
  let app: ReadableStreamDefaultReader<Uint8Array> | undefined
  const end = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    controller.enqueue(encoder.encode(tail.replace('</body>', `${pageStateScript(queryClient)}</body>`)))
    controller.close()
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head))
    },
    async pull(controller) {
      if (!app) {
        await settled
        try {
          app = (await renderToReadableStream(<AppRoot queryClient={queryClient} router={Router} />, { nonce: request.nonce, onError: request.onError })).getReader()
        } catch (error) {
          request.onError(error)
          return end(controller)
        }
      }
      const { done, value } = await app.read()
      if (done) end(controller)
      else controller.enqueue(value)
    },
    cancel: (reason) => app?.cancel(reason),
  })
}
