import { screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { auditUrl, flowsUrl, mockConfig, mockDb } from '../../mocks/handlers/flows'
import { server } from '../../test/setup-ui'
import { renderApp } from '../../test/render-app'
import { countRequests, notifications, openDeleteDialog, retail, rows, uuid } from '../../test/flows-page'

describe('flows list', () => {
  it('sends / to the first configured channel', async () => {
    renderApp('/')
    expect(await rows()).toHaveLength(5)
    expect(screen.getByTestId('location')).toHaveTextContent(retail)
  })

  it('shows who is signed in', async () => {
    renderApp(retail)
    expect(await screen.findByText('dana')).toBeInTheDocument()
    expect(screen.getByRole('banner')).toHaveTextContent('Signed in as dana')
  })

  it('shows a loading state, then one row per flow with name, ID and status', async () => {
    server.use(
      http.get(flowsUrl, async () => {
        await delay(50)
        return HttpResponse.json({ flows: mockDb.flows['retail-channel'] })
      }),
    )
    renderApp(retail)
    expect(await screen.findByText('Loading flows…')).toBeInTheDocument()
    // Sorted by name by default.
    const all = await rows()
    expect(all.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Loan Collection',
      'Newsletter sign-up (v1)',
      'Old promo',
      'Spring sale survey',
      'Store locator',
    ])
    const first = all[2]
    expect(within(first).getByText('1620387745519023')).toBeInTheDocument()
    expect(within(first).getByText('DRAFT')).toBeInTheDocument()
    expect(screen.queryByText('Loading flows…')).not.toBeInTheDocument()
    expect(screen.getByText('5 flows')).toBeInTheDocument()
  })

  it('shows a status 8x8 does not document as it is', async () => {
    renderApp(retail)
    const row = (await rows()).find((r) => r.textContent?.includes('Store locator'))!
    expect(within(row).getByText('THROTTLED')).toBeInTheDocument()
  })

  it('says so when a channel has no flows', async () => {
    renderApp(`/accounts/${mockConfig.accountId}/channels/empty-channel/flows`)
    expect(await screen.findByRole('heading', { name: 'No flows in Acme Staging' })).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('shows a failed load with code and errorId, and loads on Try again', async () => {
    let fail = true
    server.use(
      http.get(flowsUrl, () =>
        fail
          ? HttpResponse.json(
              { code: 1200, message: 'Request was not authenticated properly', errorId: 'e-1200-x', timestamp: 't' },
              { status: 401 },
            )
          : HttpResponse.json({ flows: mockDb.flows['retail-channel'] }),
      ),
    )
    const { user } = renderApp(retail)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Couldn't load the flows")
    expect(alert).toHaveTextContent('Request was not authenticated properly')
    expect(within(alert).getByText('1200')).toBeInTheDocument()
    expect(within(alert).getByText('e-1200-x')).toBeInTheDocument()
    expect(alert).toHaveTextContent('Reported by8x8')

    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await rows()).toHaveLength(5)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('disables delete for flows that are not drafts, with a visible reason', async () => {
    renderApp(retail)
    for (const name of ['Loan Collection', 'Newsletter sign-up (v1)', 'Store locator']) {
      const button = await screen.findByRole('button', { name: `Delete ${name}` })
      expect(button).toBeDisabled()
      expect(button).toHaveAccessibleDescription('Only drafts can be deleted')
    }
    expect(screen.getByRole('button', { name: 'Delete Old promo' })).toBeEnabled()
    expect(screen.getAllByText('Only drafts can be deleted')).toHaveLength(3)
  })

  it('switches channel through the picker and keeps it in the URL', async () => {
    const { user } = renderApp(retail)
    await rows()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Acme Support')
    expect(await screen.findByRole('table', { name: 'Flows in Acme Support' })).toBeInTheDocument()
    expect(screen.getByRole('rowheader', { name: 'Callback request' })).toBeInTheDocument()
    expect(screen.getByTestId('location')).toHaveTextContent('/channels/support-channel/flows')
  })

  it('explains a link to a channel that is not configured and offers the ones that are', async () => {
    renderApp(`/accounts/${mockConfig.accountId}/channels/gone-channel/flows`)
    expect(await screen.findByRole('heading', { name: 'This channel is not configured' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Acme Support' })).toHaveAttribute(
      'href',
      `/accounts/${mockConfig.accountId}/channels/support-channel/flows`,
    )
  })
})

describe('deleting a flow', () => {
  it('asks first, naming the flow, its ID and the channel, with Cancel focused', async () => {
    const { user } = renderApp(retail)
    const dialog = await openDeleteDialog(user, 'Old promo')
    expect(within(dialog).getByRole('heading', { name: 'Delete flow?' })).toBeInTheDocument()
    expect(dialog).toHaveTextContent('Old promo (ID 1620387745519023) will be deleted from channel Acme Retail.')
    expect(dialog).toHaveTextContent('Deletion at 8x8 is permanent: 8x8 cannot undo it.')
    expect(dialog).toHaveTextContent('Flows Admin keeps a copy for 90 days in Deleted flows; it can be restored as a new draft with a new ID.')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(within(dialog).getByRole('button', { name: 'Delete flow' })).toBeEnabled()
  })

  it.each([
    ['Cancel', async (user: ReturnType<typeof renderApp>['user']) => user.click(screen.getByRole('button', { name: 'Cancel' }))],
    ['Escape', async (user: ReturnType<typeof renderApp>['user']) => user.keyboard('{Escape}')],
  ])('closes on %s and sends nothing', async (_label, close) => {
    const deletes = countRequests('DELETE', '/flows/')
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await close(user)
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(deletes).toHaveLength(0)
    expect(screen.getByRole('rowheader', { name: 'Old promo' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Delete Old promo' })).toHaveFocus()
  })

  it('shows progress while 8x8 works, and cannot be confirmed twice', async () => {
    let release!: () => void
    const answered = new Promise<void>((resolve) => (release = resolve))
    server.use(
      http.delete(`${flowsUrl}/:flowId`, async () => {
        await answered
        return HttpResponse.json({ backupId: null })
      }),
    )
    const deletes = countRequests('DELETE', '/flows/')
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))

    const progress = await screen.findByRole('button', { name: 'Deleting…' })
    // aria-disabled, so the focus stays on it while 8x8 works.
    expect(progress).toHaveAttribute('aria-disabled', 'true')
    expect(progress).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled()
    await user.click(progress)
    await user.keyboard('{Escape}')
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()
    expect(deletes).toHaveLength(1)

    release()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(deletes).toHaveLength(1)
  })

  it('removes the row at once, then refetches the list, and says so', async () => {
    const lists = countRequests('GET', '/flows$')
    let releaseRefetch!: () => void
    const refetchReleased = new Promise<void>((resolve) => (releaseRefetch = resolve))
    const { user } = renderApp(retail)
    await rows()
    const listsBefore = lists.length
    // From now on the list answers only when released: the row must go before the refetch returns.
    server.use(
      http.get(flowsUrl, async ({ params }) => {
        await refetchReleased
        return HttpResponse.json({ flows: mockDb.flows[String(params.channelId)] })
      }),
    )
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(screen.queryByRole('rowheader', { name: 'Old promo' })).not.toBeInTheDocument()
    expect(await rows()).toHaveLength(4)
    expect(notifications().getByText('Deleted “Old promo”')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'WhatsApp Flows' })).toHaveFocus()
    await waitFor(() => expect(lists.length).toBe(listsBefore + 1))

    releaseRefetch()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled())
    expect(await rows()).toHaveLength(4)
    expect(screen.getByText('4 flows')).toBeInTheDocument()
  })

  it('tells the proxy which flow the operator confirmed, for the audit log, with the anti-CSRF header', async () => {
    mockDb.flows['retail-channel'][0].name = 'Promo été ☀'
    const deletes = countRequests('DELETE', '/flows/1620387745519023$')
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Promo été ☀')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))

    await waitFor(() => expect(deletes).toHaveLength(1))
    const [request] = deletes
    expect(decodeURIComponent(request.headers.get('x-flow-name') ?? '')).toBe('Promo été ☀')
    expect(request.headers.get('x-requested-with')).toBe('XMLHttpRequest')
  })

  it("keeps the row and shows 8x8's code, message and errorId when 8x8 refuses", async () => {
    const errorId = '3f1c9a52-7e4b-4d1a-9c8f-2b6e0d4a7c13'
    server.use(
      http.delete(`${flowsUrl}/:flowId`, () =>
        HttpResponse.json(
          { code: 1000, message: 'Flow is used by a message template and cannot be deleted', errorId, timestamp: 't' },
          { status: 400, headers: { 'x-request-id': 'req-42' } },
        ),
      ),
    )
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))

    // Radix announces a toast through a live region (role status, assertive for errors) for a moment.
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((node) => node.textContent)).toContainEqual(
        expect.stringContaining('Couldn\'t delete “Old promo”'),
      ),
    )
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    const toast = notifications()
    // Without a click: the code, the reason, the Error ID and its Copy button.
    expect(toast.getByText('Couldn\'t delete “Old promo”')).toBeVisible()
    expect(toast.getByText('1000')).toBeVisible()
    expect(toast.getByText('Flow is used by a message template and cannot be deleted')).toBeVisible()
    expect(toast.getByText(errorId)).toBeVisible()
    expect(toast.getByRole('button', { name: 'Copy error ID (Old promo)' })).toBeVisible()
    // The rest one click away.
    expect(toast.getByText('req-42')).not.toBeVisible()
    await user.click(toast.getByText('Details'))
    expect(toast.getByText('req-42')).toBeVisible()
    expect(toast.getByText('8x8')).toBeVisible()
    expect(screen.getByRole('rowheader', { name: 'Old promo' })).toBeInTheDocument()
  })

  it('copies exactly the errorId', async () => {
    const errorId = '9d7c6b5a-4e3f-4a2b-8c1d-0e9f8a7b6c5d'
    server.use(
      http.delete(`${flowsUrl}/:flowId`, () =>
        HttpResponse.json({ code: 2000, message: 'Internal server error', errorId, timestamp: 't' }, { status: 500 }),
      ),
    )
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))
    await user.click(await notifications().findByRole('button', { name: 'Copy error ID (Old promo)' }))

    expect(await navigator.clipboard.readText()).toBe(errorId)
    expect(notifications().getByText('Copied')).toBeInTheDocument()
  })

  it('says which side failed when the proxy made the error', async () => {
    server.use(
      http.delete(`${flowsUrl}/:flowId`, () =>
        HttpResponse.json(
          { code: 'UPSTREAM_UNREACHABLE', message: '8x8 could not be reached', errorId: 'p-1', timestamp: 't', source: 'proxy' },
          { status: 502 },
        ),
      ),
    )
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))
    expect(await notifications().findByText('UPSTREAM_UNREACHABLE')).toBeInTheDocument()
    expect(notifications().getByText('Couldn\'t delete “Old promo”')).toBeInTheDocument()
    expect(notifications().getByText('Flows Admin server')).toBeInTheDocument()
    expect(notifications().getByText('p-1')).toBeInTheDocument()
  })

  it('claims neither success nor failure when 8x8 timed out, and offers a refresh', async () => {
    server.use(
      http.delete(`${flowsUrl}/:flowId`, ({ params }) => {
        // 8x8 did delete it, but the answer never came back in time.
        mockDb.flows['retail-channel'] = mockDb.flows['retail-channel'].filter((f) => f.id !== params.flowId)
        return HttpResponse.json(
          { code: 'UPSTREAM_TIMEOUT', message: '8x8 did not answer within 10000 ms', errorId: 'p-2', timestamp: 't', source: 'proxy' },
          { status: 504 },
        )
      }),
    )
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))

    const toast = notifications()
    expect(await toast.findByText('Delete not confirmed: “Old promo”')).toBeInTheDocument()
    expect(toast.getByText(/Refresh the list to see whether the flow is gone/)).toBeInTheDocument()
    expect(toast.queryByText(/Couldn't delete/)).not.toBeInTheDocument()
    expect(toast.getByText('p-2')).toBeInTheDocument()
    expect(screen.getByRole('rowheader', { name: 'Old promo' })).toBeInTheDocument()

    await user.click(toast.getByRole('button', { name: 'Refresh list' }))
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Old promo' })).not.toBeInTheDocument())
  })

  it('still gives an errorId when the proxy cannot be reached', async () => {
    server.use(http.delete(`${flowsUrl}/:flowId`, () => HttpResponse.error()))
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))

    const toast = notifications()
    expect(await toast.findByText('NETWORK_ERROR')).toBeInTheDocument()
    expect(toast.getByText('Delete not confirmed: “Old promo”')).toBeInTheDocument()
    expect(toast.getByText(/could not be reached/)).toBeInTheDocument()
    expect(toast.getByText(/^This browser/)).toBeInTheDocument()
    const errorId = toast.getByText(uuid)
    await user.click(toast.getByRole('button', { name: 'Copy error ID (Old promo)' }))
    expect(await navigator.clipboard.readText()).toBe(errorId.textContent)
    expect(screen.getByRole('rowheader', { name: 'Old promo' })).toBeInTheDocument()
  })

  it('makes its own errorId when a gateway answers without an error body', async () => {
    server.use(http.delete(`${flowsUrl}/:flowId`, () => new HttpResponse('<h1>502 Bad Gateway</h1>', { status: 502 })))
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))
    expect(await notifications().findByText('BAD_GATEWAY_RESPONSE')).toBeInTheDocument()
    expect(notifications().getByText(uuid)).toBeInTheDocument()
  })

  it('keeps error toasts until dismissed', async () => {
    server.use(http.delete(`${flowsUrl}/:flowId`, () => HttpResponse.error()))
    const { user } = renderApp(retail)
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))
    const title = await notifications().findByText('Delete not confirmed: “Old promo”')
    await user.click(notifications().getByRole('button', { name: 'Dismiss notification' }))
    await waitFor(() => expect(title).not.toBeInTheDocument())
  })
})

describe('recent activity', () => {
  async function activityTable() {
    return screen.findByRole('table', { name: 'Recent activity in Acme Retail, newest first' })
  }

  it('exports every channel and says so; an empty From asks for a From day', async () => {
    const { user } = renderApp(retail)
    const form = await screen.findByRole('group', { name: 'Export the audit trail of all channels' })
    expect(within(form).getByRole('link', { name: 'Export all channels (JSON Lines)' })).toHaveAttribute('href', expect.stringMatching(/^\/api\/v1\/audit\/export\?from=/))
    await user.clear(within(form).getByLabelText('From'))
    expect(within(form).getByText('Pick a From day.')).toBeInTheDocument()
    expect(within(form).queryByRole('link')).not.toBeInTheDocument()
  })

  it("says a delete stopped before 8x8 (no copy could be made) was not deleted, and names a restore's new draft", async () => {
    const base = { phase: 'outcome', accountId: mockConfig.accountId, channelId: 'retail-channel', operator: 'sam' } as const
    mockDb.audit = [
      { ...base, action: 'flow.delete', time: '2026-11-20T09:00:00.000Z', requestId: 'r1', flowId: '1111111111111111', flowName: 'Winter promo', result: 'failed', status: 502, code: 'BACKUP_FAILED', errorId: 'b1' },
      { ...base, action: 'flow.restore', time: '2026-11-21T09:00:00.000Z', requestId: 'r2', flowId: '2222222222222222', flowName: 'Spring promo', result: 'restored', status: 200, newFlowId: '1700000000000042' },
    ]
    renderApp(retail)
    const table = await screen.findByRole('table', { name: 'Recent activity in Acme Retail, newest first' })
    const [, restore, deletion] = within(table).getAllByRole('row')
    expect(deletion).toHaveTextContent('Not deleted: no copy could be made')
    expect(deletion).not.toHaveTextContent('Failed')
    expect(restore).toHaveTextContent('Restored as a new draftas 1700000000000042')
  })

  it('says when nothing was deleted in the channel yet', async () => {
    renderApp(retail)
    expect(await screen.findByText('Nothing deleted or deprecated in Acme Retail yet.')).toBeInTheDocument()
  })

  it('shows who deleted what, newest first, with the code and errorId of what failed', async () => {
    const base = { action: 'flow.delete', phase: 'outcome', accountId: mockConfig.accountId, channelId: 'retail-channel' } as const
    mockDb.audit = [
      { ...base, time: '2026-11-20T09:00:00.000Z', requestId: 'r1', operator: 'sam', flowId: '1111111111111111', flowName: 'Winter promo', result: 'deleted', status: 204 },
      { ...base, time: '2026-11-21T09:00:00.000Z', requestId: 'r2', operator: null, flowId: '2222222222222222', result: 'refused', status: 400, code: 1302, errorId: 'e7d4c1f0-1b2a-4c3d-8e9f-0a1b2c3d4e5f' },
    ]
    renderApp(retail)
    const [newest, oldest] = within(await activityTable()).getAllByRole('row').slice(1)
    expect(within(newest).getByRole('rowheader')).toHaveTextContent('(name not recorded)2222222222222222')
    expect(newest).toHaveTextContent('No sign-in')
    expect(newest).toHaveTextContent('Refused by 8x8')
    expect(newest).toHaveTextContent('1302 e7d4c1f0-1b2a-4c3d-8e9f-0a1b2c3d4e5f')
    expect(within(oldest).getByRole('rowheader')).toHaveTextContent('Winter promo1111111111111111')
    expect(oldest).toHaveTextContent('sam')
    expect(oldest).toHaveTextContent('Deleted')
    expect(within(oldest).getByText('Deleted').closest('tr')?.querySelector('time')).toHaveAttribute('datetime', '2026-11-20T09:00:00.000Z')
  })

  it('shows a delete as soon as it is done', async () => {
    const { user } = renderApp(retail)
    await screen.findByText('Nothing deleted or deprecated in Acme Retail yet.')
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))

    const [entry] = within(await activityTable()).getAllByRole('row').slice(1)
    expect(within(entry).getByRole('rowheader')).toHaveTextContent('Old promo1620387745519023')
    expect(entry).toHaveTextContent('dana')
    expect(entry).toHaveTextContent('Deleted')
  })

  it('refreshes after a failed delete too: the refusal is on record', async () => {
    const audits = countRequests('GET', '/audit$')
    server.use(http.delete(`${flowsUrl}/:flowId`, () => HttpResponse.json({ code: 1302, message: 'No', errorId: 'x', timestamp: '' }, { status: 400 })))
    const { user } = renderApp(retail)
    await screen.findByText('Nothing deleted or deprecated in Acme Retail yet.')
    const before = audits.length
    await openDeleteDialog(user, 'Old promo')
    await user.click(screen.getByRole('button', { name: 'Delete flow' }))
    await waitFor(() => expect(audits.length).toBe(before + 1))
  })

  it('shows a failed load with its errorId and loads on Try again', async () => {
    let fail = true
    server.use(
      http.get(auditUrl, () =>
        fail
          ? HttpResponse.json({ code: 'INTERNAL_ERROR', message: 'Flows Admin failed unexpectedly', errorId: 'audit-err-1', timestamp: '', source: 'proxy' }, { status: 500 })
          : HttpResponse.json({ entries: [] }),
      ),
    )
    const { user } = renderApp(retail)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Couldn't load the recent activity")
    expect(alert).toHaveTextContent('audit-err-1')
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Nothing deleted or deprecated in Acme Retail yet.')).toBeInTheDocument()
  })
})

describe('an unconfigured channel', () => {
  it('keeps a link to an unconfigured channel out of Recent errors', async () => {
    server.use(http.get(flowsUrl, () => HttpResponse.json({ code: 'NOT_FOUND', message: 'not configured', errorId: 'e-nf', timestamp: 't', source: 'proxy' }, { status: 404 })))
    const { user } = renderApp(`/accounts/${mockConfig.accountId}/channels/not-a-channel/flows`)
    expect(await screen.findByRole('heading', { name: 'This channel is not configured' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /^Recent errors/ }))
    expect(await screen.findByText('No errors so far.')).toBeInTheDocument()
  })
})
