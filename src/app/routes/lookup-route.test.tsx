import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { flowsUrl, mockConfig, mockLookups } from '../../mocks/handlers/flows'
import { server } from '../../test/setup-ui'
import { renderApp } from '../../test/render-app'
import { countRequests, openDeleteDialog, retail, rows } from '../../test/flows-page'

const errorId = '3f1c9a52-7e4b-4d1a-9c8f-2b6e0d4a7c13'
const requestId = '6f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f'

function seedDelete() {
  const entry = {
    requestId,
    operator: 'dana',
    action: 'flow.delete' as const,
    accountId: mockConfig.accountId,
    channelId: 'retail-channel',
    flowId: '1094528830614471',
    flowName: 'Order status lookup',
  }
  mockLookups[errorId] = {
    id: errorId,
    found: true,
    retentionDays: 90,
    failures: [
      {
        errorId,
        requestId,
        time: '2026-12-01T09:14:03.431Z',
        method: 'DELETE',
        route: `/api/v1/accounts/${mockConfig.accountId}/channels/retail-channel/flows/1094528830614471`,
        accountId: mockConfig.accountId,
        channelId: 'retail-channel',
        flowId: '1094528830614471',
        status: 400,
        code: 1000,
        message: 'Flow is used by a message template and cannot be deleted',
        source: 'upstream',
        cause: null,
        operator: 'dana',
      },
    ],
    audit: [
      { ...entry, time: '2026-12-01T09:14:03.120Z', phase: 'attempt' },
      { ...entry, time: '2026-12-01T09:14:03.431Z', phase: 'outcome', result: 'refused', status: 400, code: 1000, errorId, durationMs: 311 },
    ],
  }
}

describe('support lookup', () => {
  it('opens an Error ID pasted into the header, with spaces and quotes around it, and shows everything known', async () => {
    seedDelete()
    const { user } = renderApp(retail)
    const field = await screen.findByRole('searchbox', { name: 'Error ID or request ID' })
    await user.click(field)
    await user.paste(`  "${errorId}" `)

    expect(screen.getByTestId('location')).toHaveTextContent(`/lookup/${errorId}`)
    const result = await screen.findByRole('region', { name: 'Lookup result' })
    expect(await within(result).findByText('Delete flow')).toBeInTheDocument()
    for (const text of ['dana', 'Acme Retail', 'retail-channel', 'Order status lookup', '1094528830614471', '400', '1000', 'Flow is used by a message template and cannot be deleted', '8x8', requestId, '311 ms']) {
      expect(result).toHaveTextContent(text)
    }
    const trail = within(result).getByRole('table', { name: 'Audit trail of this request' })
    expect(within(trail).getAllByRole('row')).toHaveLength(3)

    await user.click(within(result).getByRole('button', { name: 'Copy details' }))
    const copied = await navigator.clipboard.readText()
    expect(copied).toContain(`Error ID: ${errorId}`)
    expect(copied).toContain('Reported by: 8x8')
    expect(copied).toContain('Channel: Acme Retail')
    await user.click(within(result).getByRole('button', { name: 'Copy Request ID' }))
    expect(await navigator.clipboard.readText()).toBe(requestId)
  })

  it('says what was searched when an ID is unknown', async () => {
    const { user } = renderApp(retail)
    const field = await screen.findByRole('searchbox', { name: 'Error ID or request ID' })
    await user.type(field, 'no-such-id{Enter}')
    const result = await screen.findByRole('region', { name: 'Lookup result' })
    expect(await within(result).findByRole('heading', { name: 'Nothing found for no-such-id' })).toBeInTheDocument()
    expect(result).toHaveTextContent('requests that failed in the last 90 days')
  })

  it('refuses what cannot be an ID, and stays where it is', async () => {
    const { user } = renderApp(retail)
    const field = await screen.findByRole('searchbox', { name: 'Error ID or request ID' })
    await user.type(field, 'not an id!{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('Not an Error ID or request ID')
    expect(screen.getByTestId('location')).toHaveTextContent(retail)
  })

  it("takes the notice's own text: 'Error ID: <id>' or 'Request ID: <id>', and an upper-case UUID", async () => {
    seedDelete()
    const { user } = renderApp(retail)
    const field = await screen.findByRole('searchbox', { name: 'Error ID or request ID' })
    await user.click(field)
    await user.paste(`Error ID: ${errorId}`)
    expect(screen.getByTestId('location')).toHaveTextContent(`/lookup/${errorId}`)
    await user.clear(field)
    await user.paste(`Request ID: ${errorId.toUpperCase()}`)
    expect(screen.getByTestId('location')).toHaveTextContent(`/lookup/${errorId}`)
  })

  it('clears the shown result when what is entered cannot be an ID', async () => {
    seedDelete()
    const { user } = renderApp(`/lookup/${errorId}`)
    await screen.findByRole('region', { name: 'Lookup result' })
    const field = screen.getByRole('searchbox', { name: 'Error ID or request ID' })
    await user.clear(field)
    await user.type(field, 'not an id!{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('Not an Error ID or request ID')
    expect(screen.queryByRole('region', { name: 'Lookup result' })).not.toBeInTheDocument()
  })

  it('opens an empty lookup at /lookup', async () => {
    renderApp('/lookup')
    expect(await screen.findByRole('heading', { name: 'Error ID or request ID' })).toBeInTheDocument()
    expect(screen.getByText(/Paste an Error ID or request ID/)).toBeInTheDocument()
  })

  it('says "Not an Error ID or request ID" at /lookup/%20 without asking the server', async () => {
    const lookups = countRequests('GET', '/lookup/')
    renderApp('/lookup/%20')
    expect(await screen.findByText('Not an Error ID or request ID')).toBeInTheDocument()
    expect(lookups).toHaveLength(0)
  })

  it('keeps the header field in step with the page: the ID on its lookup, empty elsewhere', async () => {
    seedDelete()
    const { user } = renderApp(`/lookup/${errorId}`)
    const field = await screen.findByRole('searchbox', { name: 'Error ID or request ID' })
    expect(field).toHaveValue(errorId)
    await user.click(await screen.findByRole('link', { name: 'Back to the flows' }))
    // `/` loads its route's code, then goes on to the first channel.
    await waitFor(() => expect(field).toHaveValue(''))
    expect(await rows()).toHaveLength(5)
  })

  it('is a link support can paste into a ticket', async () => {
    seedDelete()
    renderApp(`/lookup/${errorId}`)
    const result = await screen.findByRole('region', { name: 'Lookup result' })
    expect(await within(result).findByText('Flow is used by a message template and cannot be deleted')).toBeInTheDocument()
  })
})

describe('Recent errors', () => {
  it("link each server-reported error to its lookup", async () => {
    server.use(
      http.delete(`${flowsUrl}/:flowId`, () =>
        HttpResponse.json({ code: 1000, message: 'Flow is used by a template', errorId: 'e-kept-1', timestamp: 't' }, { status: 400 }),
      ),
    )
    const { user } = renderApp(retail)
    const dialog = await openDeleteDialog(user, 'Old promo')
    await user.click(within(dialog).getByRole('button', { name: 'Delete flow' }))
    await user.click(await screen.findByRole('button', { name: 'Recent errors (1)' }))
    const panel = await screen.findByRole('dialog', { name: 'Recent errors' })
    await user.click(within(panel).getByRole('link', { name: 'Look up e-kept-1' }))
    expect(screen.getByTestId('location')).toHaveTextContent('/lookup/e-kept-1')
    expect(await screen.findByRole('region', { name: 'Lookup result' })).toBeInTheDocument()
  })
})
