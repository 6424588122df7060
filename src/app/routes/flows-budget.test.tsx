import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { flowsUrl, mockDb, templatesUrl } from '../../mocks/handlers/flows'
import type { StaleRead } from '../../shared/flow'
import { server } from '../../test/setup-ui'
import { renderApp } from '../../test/render-app'
import { retail, rows } from '../../test/flows-page'

// 8x8's budget: the server answers page loads and refetches from what it just read; the operator's
// Refresh asks 8x8 anew; a list the budget refused comes as the last one read, and says so.

/** The requests for `path` and whether each asked the server to read 8x8 anew. */
function freshness(method: 'GET', path: string) {
  const seen: boolean[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === method && new URL(request.url).pathname.match(path)) seen.push(/no-cache/.test(request.headers.get('cache-control') ?? ''))
  })
  return seen
}

const listPath = /\/channels\/retail-channel\/flows$/
const templatesPath = /\/channels\/retail-channel\/templates$/

describe("the flows page and 8x8's budget", () => {
  it('loads the list as just read, and Refresh asks 8x8 anew for the list and the templates', async () => {
    const lists = freshness('GET', listPath.source)
    const templates = freshness('GET', templatesPath.source)
    const { user } = renderApp(retail)
    await rows()
    expect(lists).toEqual([false])
    await waitFor(() => expect(templates).toEqual([false]))

    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await waitFor(() => expect(lists).toEqual([false, true]))
    await waitFor(() => expect(templates).toEqual([false, true]))
  })

  it('shows a list the budget refused as the last one read: when, why, the code and the Error ID', async () => {
    const stale: StaleRead = {
      readAt: new Date(Date.now() - 95_000).toISOString(),
      code: 'RATE_LIMITED',
      message: 'Reads may use 75 of the 100 requests a minute Flows Admin sends to 8x8 (the rest is kept for changes); try again in 20 s',
      errorId: '0b6f2a8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
      retryAfterMs: 20_000,
    }
    server.use(http.get(flowsUrl, ({ params }) => HttpResponse.json({ flows: mockDb.flows[String(params.channelId)], stale })))
    renderApp(retail)
    expect(await rows()).toHaveLength(5)
    const notice = await screen.findByRole('status', { name: /list as read/i })
    expect(notice).toHaveTextContent(/list as read 1 minute ago/i)
    expect(notice).toHaveTextContent('Reads may use 75 of the 100 requests a minute')
    expect(within(notice).getByText('RATE_LIMITED')).toBeVisible()
    expect(within(notice).getByText(stale.errorId)).toBeVisible()
    expect(within(notice).getByRole('button', { name: 'Copy error ID (flows list)' })).toBeVisible()
    // The page does not claim it was just updated.
    expect(screen.queryByText('Updated just now')).not.toBeInTheDocument()
  })

  it('drops the notice once a read reaches 8x8 again', async () => {
    let stale = true
    server.use(
      http.get(flowsUrl, ({ params }) =>
        HttpResponse.json({
          flows: mockDb.flows[String(params.channelId)],
          ...(stale ? { stale: { readAt: new Date().toISOString(), code: 'RATE_LIMITED', errorId: 'e-1', message: 'try again in 1 s' } } : {}),
        }),
      ),
      http.get(templatesUrl, () => HttpResponse.json({ templates: [] })),
    )
    const { user } = renderApp(retail)
    await screen.findByRole('status', { name: /list as read/i })
    stale = false
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await waitFor(() => expect(screen.queryByRole('status', { name: /list as read/i })).not.toBeInTheDocument())
  })
})
