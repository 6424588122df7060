import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { flowsUrl, mockConfig } from '../../mocks/handlers/flows'
import type { FlowHistory, FlowVersionEntry } from '../../shared/flow-history'
import { server } from '../../test/setup-ui'
import { renderApp } from '../../test/render-app'

// Every version a flow has can be reached: the history comes a page at a time, and the page loads
// older ones on request (or by itself, for a version a link names).

const flowId = '1620387745519023'
const history = `/accounts/${mockConfig.accountId}/channels/retail-channel/flows/${flowId}/history`
const all: FlowVersionEntry[] = Array.from({ length: 250 }, (_, n) => ({
  versionId: `00000000-0000-4000-8000-${String(250 - n).padStart(12, '0')}`,
  source: n === 249 ? 'seen' : 'saved',
  takenAt: new Date(Date.UTC(2026, 10, 1) + (250 - n) * 60_000).toISOString(),
  takenBy: 'dana',
  size: 1000,
  validationErrorCount: 0,
  origin: null,
}))

/** As the server pages: 100 at a time, `next` naming the last one given. */
function pagedHistory() {
  server.use(
    http.get(`${flowsUrl}/:flowId/versions`, ({ request }) => {
      const before = new URL(request.url).searchParams.get('before')
      const from = before === null ? 0 : all.findIndex((version) => version.versionId === before) + 1
      const versions = all.slice(from, from + 100)
      const body: FlowHistory = { versions, total: all.length, ...(from + 100 < all.length ? { next: versions.at(-1)!.versionId } : {}) }
      return HttpResponse.json(body)
    }),
  )
}

const versionRows = async () => within(await screen.findByRole('table', { name: /^Versions of/ }, { timeout: 15_000 })).getAllByRole('row').slice(1)
/** Waits for the count the page states (a cheap query: role queries over 250 rows are slow in jsdom on a busy machine). */
const counted = (text: string) => screen.findByText(text, {}, { timeout: 15_000 })

// 250 rows rendered and queried by role in jsdom: 11–16 s under load here, hence the 60 s test timeouts.

describe("a flow's history", () => {
  it('shows the newest 100 of 250, and the older ones a page at a time, down to the first', async () => {
    pagedHistory()
    const { user } = renderApp(history)
    expect(await versionRows()).toHaveLength(100)
    expect(screen.getByText('100 of 250 versions')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show older versions (150 more)' }))
    await counted('200 of 250 versions')
    expect(await versionRows()).toHaveLength(200)
    await user.click(screen.getByRole('button', { name: 'Show older versions (50 more)' }))
    await counted('250 versions')
    expect(await versionRows()).toHaveLength(250)
    expect(screen.queryByRole('button', { name: /Show older versions/ })).not.toBeInTheDocument()
    expect((await versionRows()).at(-1)).toHaveTextContent('Read from 8x8')
  }, 60_000)

  it('loads older pages by itself for the version a link asks to compare', async () => {
    pagedHistory()
    renderApp(`${history}?compare=${all[230].versionId}`)
    await counted('250 versions')
    expect(await versionRows()).toHaveLength(250)
  }, 60_000)
})
