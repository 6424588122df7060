import { focusManager } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { flowsUrl, mockConfig, mockDb } from '../../mocks/handlers/flows'
import { countRequests, notifications, openDeleteDialog, retail, rows } from '../../test/flows-page'
import { renderApp } from '../../test/render-app'
import { createQueryClient } from '../query-client'
import { configQuery } from '../../features/config/api/config-query'
import { flowQueries } from '../../features/flows/api/flow-queries'
import { templateQueries } from '../../features/flows/api/flow-templates'
import { server } from '../../test/setup-ui'

const names = async () => (await rows()).map((row) => within(row).getByRole('rowheader').textContent)
const search = () => screen.getByRole('searchbox', { name: 'Search by name or ID' })
const refusal = (code: number, errorId: string) =>
  HttpResponse.json({ code, message: 'Flow is used by a message template and cannot be deleted', errorId, timestamp: '' }, { status: 400 })

describe('finding flows', () => {
  it('searches by name or ID as you type, says how many match, and keeps it in the URL', async () => {
    const { user } = renderApp(retail)
    await rows()
    await user.type(search(), 'PROMO')
    await waitFor(async () => expect(await names()).toEqual(['Old promo']))
    expect(screen.getByText('1 of 5 flows')).toBeInTheDocument()
    // Written to the URL once typing pauses.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`${retail}?q=PROMO`))

    await user.clear(search())
    await user.type(search(), '5540595')
    await waitFor(async () => expect(await names()).toEqual(['Loan Collection']))
  })

  it('says when nothing matches, and clears the search in one click', async () => {
    const { user } = renderApp(retail)
    await rows()
    await user.type(search(), 'no such flow')
    expect(await screen.findByRole('heading', { name: 'No flows match' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear the search' }))
    expect(await names()).toHaveLength(5)
    expect(search()).toHaveValue('')
  })

  it('filters by status and sorts by a column header, both kept in the URL', async () => {
    const { user } = renderApp(retail)
    await rows()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'DRAFT')
    expect(await names()).toEqual(['Old promo', 'Spring sale survey'])
    expect(screen.getByText('2 of 5 flows')).toBeInTheDocument()

    const nameHeader = screen.getByRole('columnheader', { name: /Name/ })
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
    await user.click(within(nameHeader).getByRole('button'))
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
    expect(await names()).toEqual(['Spring sale survey', 'Old promo'])
    expect(screen.getByTestId('location')).toHaveTextContent(`${retail}?status=DRAFT&sort=-name`)
  })

  it('Back brings back the search text the address had', async () => {
    const { user } = renderApp(`${retail}?q=sale`)
    await waitFor(async () => expect(await names()).toEqual(['Spring sale survey']))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'DRAFT')
    await user.clear(search())
    await user.type(search(), 'promo')
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`${retail}?q=promo&status=DRAFT`))

    await user.click(screen.getByRole('button', { name: 'Browser back' }))
    expect(screen.getByTestId('location')).toHaveTextContent(new RegExp(`${retail}\\?q=sale$`))
    expect(search()).toHaveValue('sale')
    expect(await names()).toEqual(['Spring sale survey'])
  })

  it('opens a shared link on the same filtered, sorted view', async () => {
    renderApp(`${retail}?q=o&status=ALL&sort=-status`)
    await waitFor(async () =>
      expect(await names()).toEqual(['Store locator', 'Loan Collection', 'Old promo']),
    )
    expect(search()).toHaveValue('o')
  })

  it('does not ask again for the list and templates that arrived before the first render', async () => {
    const lists = countRequests('GET', '/flows$')
    const templates = countRequests('GET', '/templates$')
    // As main.tsx does when the page's preloaded answers are in before React renders.
    const queryClient = createQueryClient()
    const scope = { accountId: mockConfig.accountId, channelId: 'retail-channel' }
    await Promise.all([queryClient.prefetchQuery(configQuery), queryClient.prefetchQuery(flowQueries.list(scope)), queryClient.prefetchQuery(templateQueries.list(scope))])
    expect([lists.length, templates.length]).toEqual([1, 1])

    renderApp(retail, { queryClient })
    expect(await rows()).toHaveLength(5)
    // Anything the table's mount started has begun by now.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect([lists.length, templates.length]).toEqual([1, 1])
    expect(queryClient.isFetching()).toBe(0)
  })

  it('refetches when the window regains focus, keeping the rows on screen meanwhile', async () => {
    const lists = countRequests('GET', '/flows$')
    renderApp(retail)
    await rows()
    expect(screen.getByText('Updated just now')).toBeInTheDocument()
    const before = lists.length
    server.use(
      http.get(flowsUrl, async () => {
        await delay(100)
        return HttpResponse.json({ flows: [...mockDb.flows['retail-channel'], { id: '1999999999999999', name: 'New one', status: 'DRAFT' }] })
      }),
    )
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await waitFor(() => expect(lists.length).toBe(before + 1))
    expect(await rows()).toHaveLength(5)
    await waitFor(async () => expect(await rows()).toHaveLength(6))
    act(() => focusManager.setFocused(undefined))
  })
})

describe('inspecting a flow', () => {
  it('shows the details 8x8 has, with validation errors, from a row or a link', async () => {
    mockDb.details['987412365401287'] = {
      categories: ['SURVEY', 'LEAD_GENERATION'],
      validationErrors: [
        { error: 'INVALID_PROPERTY_VALUE', errorType: 'FLOW_JSON_ERROR', message: "Invalid value found for property 'type'.", lineStart: 12, columnStart: 21, paths: ['screens[0].layout.children[1].type'] },
      ],
    }
    const { user } = renderApp(retail)
    await user.click(await screen.findByRole('button', { name: 'Spring sale survey' }))

    const panel = await screen.findByRole('dialog', { name: 'Spring sale survey' })
    expect(await within(panel).findByText('SURVEY, LEAD_GENERATION')).toBeInTheDocument()
    expect(panel).toHaveTextContent("Invalid value found for property 'type'.")
    expect(panel).toHaveTextContent('INVALID_PROPERTY_VALUE · FLOW_JSON_ERROR · line 12, column 21')
    expect(panel).toHaveTextContent('screens[0].layout.children[1].type')
    expect(within(panel).getByRole('link', { name: 'Download flow JSON' })).toHaveAttribute('href', expect.stringMatching(/\/flows\/987412365401287\/json$/))
    expect(within(panel).getByRole('heading', { name: 'Spring sale survey' })).toHaveFocus()
    expect(screen.getByTestId('location')).toHaveTextContent(`${retail}?flow=987412365401287`)

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByTestId('location')).toHaveTextContent(new RegExp(`${retail}$`))
  })

  it('gets a preview link on request', async () => {
    const { user } = renderApp(`${retail}?flow=1145805540595505`)
    const panel = await screen.findByRole('dialog', { name: 'Loan Collection' })
    // Offered once 8x8 has returned the flow's details.
    await user.click(await within(panel).findByRole('button', { name: 'Get preview link' }))
    const link = await within(panel).findByRole('link', { name: 'Open the preview on Meta' })
    expect(link).toHaveAttribute('href', 'https://business.facebook.com/wa/manage/flows/1145805540595505/preview/?token=t')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  })

  it('shows a failed load with its errorId, and loads on Try again', async () => {
    let fail = true
    server.use(
      http.get(`${flowsUrl}/:flowId`, () =>
        fail ? HttpResponse.json({ code: 2000, message: 'Internal server error', errorId: 'details-err', timestamp: '' }, { status: 500 }) : undefined,
      ),
    )
    const { user } = renderApp(`${retail}?flow=1620387745519023`)
    const panel = await screen.findByRole('dialog', { name: 'Old promo' })
    const alert = await within(panel).findByRole('alert')
    expect(alert).toHaveTextContent('details-err')
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await within(panel).findByRole('heading', { name: 'Validation' })).toBeInTheDocument()
  })
})

describe('deprecating a published flow', () => {
  it('explains that it is irreversible, then deprecates and says so', async () => {
    const posts = countRequests('POST', '/deprecate$')
    const { user } = renderApp(retail)
    await user.click(await screen.findByRole('button', { name: 'Deprecate Loan Collection' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Deprecate flow?' })
    expect(dialog).toHaveTextContent('Loan Collection (ID 1145805540595505) will be deprecated in channel Acme Retail.')
    expect(dialog).toHaveTextContent('Deprecation is permanent and cannot be undone')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(within(dialog).getByRole('link', { name: 'Download flow JSON' })).toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Deprecate flow' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(posts).toHaveLength(1)
    expect(posts[0].headers.get('x-requested-with')).toBe('XMLHttpRequest')
    expect(decodeURIComponent(posts[0].headers.get('x-flow-name') ?? '')).toBe('Loan Collection')
    const row = (await rows()).find((r) => within(r).queryByText('Loan Collection'))!
    expect(within(row).getByText('DEPRECATED')).toBeInTheDocument()
    expect(notifications().getByText('Deprecated “Loan Collection”')).toBeInTheDocument()
  })
})

describe('deleting several drafts', () => {
  it('selects the drafts shown, lists them all in one confirmation, and reports each result', async () => {
    mockDb.flows['retail-channel'].push({ id: '1094528830614471', name: 'Order status lookup', status: 'DRAFT' })
    server.use(http.delete(`${flowsUrl}/1094528830614471`, () => refusal(1000, 'bulk-err-1')))
    const { user } = renderApp(retail)
    await rows()
    await user.click(screen.getByRole('checkbox', { name: 'Select all drafts shown' }))
    expect(await screen.findByRole('region', { name: 'Selection' })).toHaveTextContent('3 selected')
    await user.click(await screen.findByRole('button', { name: 'Delete selected…' }))

    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 3 flows?' })
    expect(within(dialog).getByRole('list', { name: 'Flows to delete' })).toHaveTextContent(/Old promo.*Order status lookup.*Spring sale survey/)
    expect(dialog).toHaveTextContent('Deletion at 8x8 is permanent: 8x8 cannot undo it.Flows Admin keeps a copy of each for 90 days in Deleted flows')
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 flows' }))

    expect(await within(dialog).findByRole('heading', { name: 'Bulk delete finished' })).toBeInTheDocument()
    expect(dialog).toHaveTextContent('2 deleted, 1 failed, 0 unknown, 0 not started.')
    expect(within(dialog).getByRole('progressbar')).toHaveAttribute('value', '3')
    const failed = within(dialog).getByText(/Order status lookup/).closest('li')!
    expect(failed).toHaveTextContent('Failed · 1000 · bulk-err-1')
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus()

    await user.click(within(dialog).getByRole('button', { name: 'Copy all error IDs' }))
    const copied = await navigator.clipboard.readText()
    expect(copied).toMatch(/^Order status lookup \(1094528830614471\)\t1000\tbulk-err-1\t\d{4}-\d\d-\d\dT/)
    expect(copied.split('\n')).toHaveLength(1)

    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(async () => expect(await names()).toEqual(['Loan Collection', 'Newsletter sign-up (v1)', 'Order status lookup', 'Store locator']))
    expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument()
  })

  it('selects only the drafts the search shows', async () => {
    const { user } = renderApp(retail)
    await rows()
    await user.type(search(), 'spring')
    await waitFor(async () => expect(await names()).toEqual(['Spring sale survey']))
    await user.click(screen.getByRole('checkbox', { name: 'Select all drafts shown' }))
    expect(await screen.findByRole('region', { name: 'Selection' })).toHaveTextContent('1 selected')
  })

  it('stops starting new deletes when stopped, and says which were not started', async () => {
    for (let n = 0; n < 6; n++) mockDb.flows['retail-channel'].push({ id: `17000000000000${n}`, name: `Batch ${n}`, status: 'DRAFT' })
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    server.use(
      http.delete(`${flowsUrl}/:flowId`, async () => {
        await released
        return HttpResponse.json({ backupId: null })
      }),
    )
    const { user } = renderApp(retail)
    await user.type(await screen.findByRole('searchbox', { name: 'Search by name or ID' }), 'batch')
    await waitFor(async () => expect(await names()).toHaveLength(6))
    await user.click(screen.getByRole('checkbox', { name: 'Select all drafts shown' }))
    await user.click(await screen.findByRole('button', { name: 'Delete selected…' }))
    const dialog = await screen.findByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Delete 6 flows' }))
    const stop = await within(dialog).findByRole('button', { name: 'Stop' })
    expect(stop).toHaveFocus()
    await user.click(stop)
    release()

    expect(await within(dialog).findByText('3 deleted, 0 failed, 0 unknown, 3 not started.')).toBeInTheDocument()
    expect(within(dialog).getAllByText('Not deleted (stopped)')).toHaveLength(3)
  })
})

describe('recent errors', () => {
  it("keeps this browser's errors, with flow, code, errorId and request id, across reloads", async () => {
    server.use(
      http.delete(`${flowsUrl}/:flowId`, () =>
        HttpResponse.json({ code: 1000, message: 'Flow is used by a message template', errorId: 'kept-err-1', timestamp: '' }, { status: 400, headers: { 'x-request-id': 'req-77' } }),
      ),
    )
    const first = renderApp(retail)
    await openDeleteDialog(first.user, 'Old promo')
    await first.user.click(screen.getByRole('button', { name: 'Delete flow' }))
    const errorsButton = await screen.findByRole('button', { name: 'Recent errors (1)' })
    first.unmount()

    const again = renderApp(retail)
    await again.user.click(await screen.findByRole('button', { name: 'Recent errors (1)' }))
    const panel = await screen.findByRole('dialog', { name: 'Recent errors' })
    expect(panel).toHaveTextContent('Delete · Old promo')
    expect(panel).toHaveTextContent(/Code\s*1000/)
    expect(panel).toHaveTextContent(/Reported by\s*8x8/)
    expect(panel).toHaveTextContent('kept-err-1')
    expect(panel).toHaveTextContent('req-77')
    await again.user.click(within(panel).getByRole('button', { name: 'Copy error ID kept-err-1' }))
    expect(await navigator.clipboard.readText()).toBe('kept-err-1')

    await again.user.click(within(panel).getByRole('button', { name: 'Clear list' }))
    expect(panel).toHaveTextContent('No errors so far.')
    expect(errorsButton).not.toBeInTheDocument()
  })
})

