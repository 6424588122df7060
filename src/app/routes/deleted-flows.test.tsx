import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { deletedFlowsUrl, flowsUrl, mockConfig, mockDb, templatesUrl } from '../../mocks/handlers/flows'
import { countRequests, notifications, openDeleteDialog, retail, rows } from '../../test/flows-page'
import { renderApp } from '../../test/render-app'
import type { DeletedFlow } from '../../shared/deleted-flows'
import { server } from '../../test/setup-ui'

const deletedPage = `/accounts/${mockConfig.accountId}/channels/retail-channel/deleted`
/** The notification whose title is `title`. */
const toast = async (title: string) => (await notifications().findByText(title)).closest('li')!
const names = async () => (await rows()).map((row) => within(within(row).getByRole('rowheader')).getByRole('button').textContent)
const backupFailed = {
  code: 'BACKUP_FAILED',
  message: "No copy of the flow could be made, so it was not deleted: Meta's CDN answered HTTP 500 for the flow JSON",
  errorId: 'copy-err-1',
  timestamp: '',
  source: 'proxy',
}

/** A copy in the mocked server's Deleted flows: a deleted draft, not restored, unless `copy` says otherwise. */
function mockCopy(copy: Partial<DeletedFlow> & Pick<DeletedFlow, 'backupId' | 'flowId' | 'name'>) {
  const full = {
    channelId: 'retail-channel',
    categories: ['OTHER'],
    status: 'DRAFT',
    endPointUri: null,
    validationErrorCount: 0,
    deletedAt: '2026-11-30T10:00:00.000Z',
    deletedBy: null,
    state: 'deleted' as const,
    restored: null,
    restoreUnconfirmedAt: null,
    keptUntil: '2027-02-28T10:00:00.000Z',
    ...copy,
  }
  mockDb.deleted.push(full)
  return full
}

describe('a delete that can be taken back', () => {
  it('offers Undo in the notice: one click restores the flow as a new draft, with one request', async () => {
    const restores = countRequests('POST', '/deleted-flows/')
    const { user } = renderApp(retail)
    const dialog = await openDeleteDialog(user, 'Old promo')
    await user.click(within(dialog).getByRole('button', { name: 'Delete flow' }))

    const notice = await toast('Deleted “Old promo”')
    expect(notice).toHaveTextContent('A copy is in Deleted flows.')
    await waitFor(async () => expect(await names()).not.toContain('Old promo'))
    await user.dblClick(within(notice).getByRole('button', { name: 'Undo (restores as a new draft)' }))

    expect(await notifications().findByText('Restored “Old promo” as a new draft')).toBeInTheDocument()
    expect(notifications().getByText(/new ID 1700000000000001/)).toBeInTheDocument()
    expect(restores).toHaveLength(1)
    await waitFor(async () => expect(await names()).toContain('Old promo'))
  })

  it('keeps the flow when no copy can be made, and deletes without one only after a second, explicit confirmation', async () => {
    const deletes: Request[] = []
    server.use(
      http.delete(`${flowsUrl}/:flowId`, ({ request }) => {
        deletes.push(request.clone())
        if (request.headers.get('x-backup') !== 'none') return HttpResponse.json(backupFailed, { status: 502 })
        return HttpResponse.json({ backupId: null })
      }),
    )
    const { user } = renderApp(retail)
    const first = await openDeleteDialog(user, 'Old promo')
    await user.click(within(first).getByRole('button', { name: 'Delete flow' }))

    const second = await screen.findByRole('alertdialog', { name: 'Delete without a backup?' })
    expect(second).toHaveTextContent('Old promo (ID 1620387745519023) is still in Acme Retail')
    expect(second).toHaveTextContent('the deletion at 8x8 is permanent and no copy is kept to restore')
    expect(within(second).queryByRole('link', { name: 'Download flow JSON' })).not.toBeInTheDocument()
    expect(second.textContent!.match(/could be made/g)).toHaveLength(1)
    expect(second).toHaveTextContent('BACKUP_FAILED')
    expect(second).toHaveTextContent('copy-err-1')
    expect(within(second).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(screen.getByRole('rowheader', { name: 'Old promo', hidden: true })).toBeInTheDocument()
    expect(deletes).toHaveLength(1)

    await user.dblClick(within(second).getByRole('button', { name: 'Delete without a backup' }))
    expect(await toast('Deleted “Old promo”')).toHaveTextContent('no copy was kept')
    expect(notifications().queryByRole('button', { name: /^Undo/ })).not.toBeInTheDocument()
    expect(deletes).toHaveLength(2)
    expect(deletes[1].headers.get('x-backup')).toBe('none')
    expect(deletes[1].headers.get('x-backup-failed-error-id')).toBe('copy-err-1')
  })

  it('Cancel on the second confirmation deletes nothing', async () => {
    server.use(http.delete(`${flowsUrl}/:flowId`, () => HttpResponse.json(backupFailed, { status: 502 })))
    const deletes = countRequests('DELETE', '/flows/')
    const { user } = renderApp(retail)
    const first = await openDeleteDialog(user, 'Old promo')
    await user.click(within(first).getByRole('button', { name: 'Delete flow' }))
    const second = await screen.findByRole('alertdialog', { name: 'Delete without a backup?' })
    await user.click(within(second).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(deletes).toHaveLength(1)
    expect(await names()).toContain('Old promo')
  })

  it('bulk delete offers Restore all deleted, and restores each once', async () => {
    const restores = countRequests('POST', '/deleted-flows/')
    const { user } = renderApp(retail)
    await rows()
    await user.click(screen.getByRole('checkbox', { name: 'Select all drafts shown' }))
    await user.click(await screen.findByRole('button', { name: 'Delete selected…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 2 flows?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 flows' }))
    expect(await within(dialog).findByRole('heading', { name: 'Bulk delete finished' })).toBeInTheDocument()

    await user.dblClick(within(dialog).getByRole('button', { name: 'Restore all deleted' }))
    expect(await within(dialog).findByText(/2 of 2 restored as new drafts/)).toBeInTheDocument()
    expect(within(dialog).getByText(/Old promo/).closest('li')).toHaveTextContent(/Deleted, restored as 17000000000000\d\d/)
    expect(restores).toHaveLength(2)
    expect(within(dialog).queryByRole('button', { name: 'Restore all deleted' })).not.toBeInTheDocument()
  })
})

describe('Deleted flows with many copies', () => {
  function seedCopies(count: number) {
    for (let n = 0; n < count; n++) {
      mockCopy({
        backupId: `${String(n).padStart(8, '0')}-6c1e-4f1a-9d7e-2a1b3c4d5e6f`,
        flowId: String(1620000000000100 + n),
        name: n % 2 === 0 ? `Promo ${n}` : `Survey ${n}`,
        deletedAt: new Date(Date.parse('2026-11-30T10:00:00.000Z') - n * 60_000).toISOString(),
        restored: n < 4 ? { flowId: String(1700000000000100 + n), by: 'sam', at: '2026-12-01T10:00:00.000Z' } : null,
      })
    }
  }
  const table = () => screen.findByRole('table', { name: 'Deleted flows of Acme Retail, newest first' })
  const bodyRows = async () => within(await table()).getAllByRole('row').slice(1)

  it('finds copies by name or old ID, and keeps "Not restored only" in the address', async () => {
    seedCopies(48)
    const { user } = renderApp(deletedPage)
    expect(await bodyRows()).toHaveLength(48)
    await user.type(screen.getByRole('searchbox', { name: 'Search by name or old ID' }), 'promo 1')
    expect((await bodyRows()).map((row) => within(row).getByRole('rowheader').textContent)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Promo 1\d?\b/)]),
    )
    expect(screen.getByTestId('location')).toHaveTextContent('q=promo+1')
    await user.clear(screen.getByRole('searchbox', { name: 'Search by name or old ID' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search by name or old ID' }), '1620000000000105')
    expect(await bodyRows()).toHaveLength(1)
    await user.clear(screen.getByRole('searchbox', { name: 'Search by name or old ID' }))

    await user.click(screen.getByRole('checkbox', { name: 'Not restored only' }))
    expect(await bodyRows()).toHaveLength(44)
    expect(screen.getByTestId('location')).toHaveTextContent('show=not-restored')
    expect(await table()).not.toHaveTextContent('sign-in off')
  })

  it('restores the selected copies, each once, after one confirmation', async () => {
    seedCopies(8)
    const restores = countRequests('POST', '/deleted-flows/')
    const { user } = renderApp(deletedPage)
    await table()
    expect(screen.queryByRole('checkbox', { name: 'Select Promo 0' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'Select Promo 4' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Survey 5' }))
    await user.click(screen.getByRole('button', { name: 'Restore selected (2)' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Restore 2 flows?' })
    expect(dialog).toHaveTextContent('Promo 4, Survey 5')
    await user.dblClick(within(dialog).getByRole('button', { name: 'Restore 2 flows' }))

    expect(await screen.findByText('2 restored as new drafts.')).toBeInTheDocument()
    expect(restores).toHaveLength(2)
  })
})

describe('bulk runs and the server\'s own budget for 8x8', () => {
  const budgetSpent = () =>
    HttpResponse.json(
      { code: 'RATE_LIMITED', message: "Flows Admin keeps under 8x8's limit of 100 requests a minute; try again in 1 s", errorId: 'budget-1', timestamp: '', source: 'proxy' },
      { status: 429, headers: { 'retry-after': '1' } },
    )

  it("waits as the server asks when its budget is spent, says so, and deletes every flow", async () => {
    let refusals = 0
    server.use(
      http.delete(`${flowsUrl}/:flowId`, () => {
        if (refusals++ < 2) return budgetSpent()
        return undefined
      }),
    )
    const { user } = renderApp(retail)
    await rows()
    await user.click(screen.getByRole('checkbox', { name: 'Select all drafts shown' }))
    await user.click(await screen.findByRole('button', { name: 'Delete selected…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 2 flows?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 flows' }))

    expect(await within(dialog).findByText(/Waiting for 8x8's rate limit: about 1 s/)).toBeInTheDocument()
    expect(await within(dialog).findByRole('heading', { name: 'Bulk delete finished' }, { timeout: 5000 })).toBeInTheDocument()
    expect(dialog).toHaveTextContent('2 deleted, 0 failed')
  })

  it('shows a failed restore as failed, and Retry failed restores restores just those', async () => {
    const restores = countRequests('POST', '/deleted-flows/')
    let failNext = true
    server.use(
      http.post(`${deletedFlowsUrl}/:backupId/restore`, () => {
        if (!failNext) return undefined
        failNext = false
        return HttpResponse.json({ code: 2000, message: 'Internal server error', errorId: 'restore-8x8-1', timestamp: '' }, { status: 500 })
      }),
    )
    const { user } = renderApp(retail)
    await rows()
    await user.click(screen.getByRole('checkbox', { name: 'Select all drafts shown' }))
    await user.click(await screen.findByRole('button', { name: 'Delete selected…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 2 flows?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 flows' }))
    await user.click(await within(dialog).findByRole('button', { name: 'Restore all deleted' }))

    expect(await within(dialog).findByText(/1 of 2 restored as new drafts, 1 not restored/)).toBeInTheDocument()
    const failed = within(dialog).getByText(/restore failed/)
    expect(failed).toHaveClass('bulk__restore--failed')
    expect(failed).toHaveTextContent('restore-8x8-1')
    await user.dblClick(within(dialog).getByRole('button', { name: 'Retry failed restores (1)' }))

    expect(await within(dialog).findByText(/2 of 2 restored as new drafts\./)).toBeInTheDocument()
    expect(restores).toHaveLength(3)
    expect(within(dialog).queryByRole('button', { name: /Retry failed restores/ })).not.toBeInTheDocument()
  })
})

describe('drafts that a template uses', () => {
  it('say so on their row, cannot be deleted or selected, and the selection says why', async () => {
    mockDb.templates['retail-channel'] = [
      { name: 'order_status', language: 'en_US', status: 'APPROVED', flowIds: ['1620387745519023'] },
      { name: 'order_status', language: 'es_ES', status: 'PENDING', flowIds: ['1620387745519023'] },
    ]
    const deletes = countRequests('DELETE', '/flows/')
    const { user } = renderApp(retail)
    const row = (await screen.findByText('Used by template order_status (en_US) +1 more')).closest('tr')!
    const remove = within(row).getByRole('button', { name: 'Delete Old promo' })
    expect(remove).toBeDisabled()
    expect(remove).toHaveAccessibleDescription('Used by template order_status (en_US) +1 more')
    expect(within(row).queryByRole('checkbox')).not.toBeInTheDocument()

    await user.click(screen.getByRole('checkbox', { name: 'Select all drafts shown' }))
    const selection = await screen.findByRole('region', { name: 'Selection' })
    expect(selection).toHaveTextContent('1 selected')
    expect(selection).toHaveTextContent('1 draft is used by templates and cannot be selected')
    await user.click(within(selection).getByRole('button', { name: 'Delete selected…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 1 flow?' })
    expect(within(dialog).getByRole('list', { name: 'Flows to delete' })).not.toHaveTextContent('Old promo')

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await user.click(within(row).getByRole('button', { name: 'Old promo' }))
    const details = await screen.findByRole('dialog', { name: 'Old promo' })
    expect(await within(details).findByRole('heading', { name: 'Templates' })).toBeInTheDocument()
    expect(within(details).getByRole('list')).toHaveTextContent(/order_status \(en_US\)\s*APPROVED.*order_status \(es_ES\)\s*PENDING/)
    expect(within(details).queryByRole('button', { name: 'Delete…' })).not.toBeInTheDocument()
    expect(deletes).toHaveLength(0)
  })

  it('when the templates cannot be read, the list still shows with a quiet notice, and deletes go on', async () => {
    server.use(http.get(templatesUrl, () => HttpResponse.json({ code: 2000, message: 'Internal server error', errorId: 'tpl-err-1', timestamp: '' }, { status: 500 })))
    const { user } = renderApp(retail)
    expect(await names()).toHaveLength(5)
    const notice = await screen.findByText(/Template use could not be checked/)
    expect(screen.queryByText('tpl-err-1')).not.toBeVisible()
    await user.click(notice)
    expect(screen.getByText('tpl-err-1')).toBeVisible()
    expect(screen.getByRole('button', { name: 'Delete Old promo' })).toBeEnabled()
  })
})

describe('the Deleted flows page', () => {
  it('is linked from the channel with its count, lists the copies newest first, and restores one after asking', async () => {
    const restores = countRequests('POST', '/deleted-flows/')
    const { user } = renderApp(retail)
    for (const name of ['Old promo', 'Spring sale survey']) {
      const dialog = await openDeleteDialog(user, name)
      await user.click(within(dialog).getByRole('button', { name: 'Delete flow' }))
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    }
    const link = await screen.findByRole('link', { name: 'Deleted flows (2)' })
    await user.click(link)

    const table = await screen.findByRole('table', { name: 'Deleted flows of Acme Retail, newest first' })
    const [newest, older] = within(table).getAllByRole('row').slice(1)
    expect(newest).toHaveTextContent('Spring sale survey')
    expect(newest).toHaveTextContent('987412365401287')
    expect(newest).toHaveTextContent('by dana')
    expect(older).toHaveTextContent('Old promo')
    expect(within(older).getByRole('link', { name: 'Download JSON Old promo' })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/deleted-flows\/[0-9a-f-]{36}\/json$/),
    )

    await user.click(within(older).getByRole('button', { name: 'Restore Old promo' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Restore flow?' })
    expect(dialog).toHaveTextContent('Old promo comes back in Acme Retail as a new DRAFT with a new ID')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.dblClick(within(dialog).getByRole('button', { name: 'Restore flow' }))

    expect(await notifications().findByText('Restored “Old promo” as a new draft')).toBeInTheDocument()
    await waitFor(() => expect(within(older).getByRole('button', { name: 'Restore Old promo' })).toBeDisabled())
    expect(older).toHaveTextContent('As 1700000000000001')
    expect(restores).toHaveLength(1)
    expect(screen.getByRole('link', { name: 'Back to the flows' })).toHaveAttribute('href', retail)
  })

  it('says when there is nothing to restore, and how long copies are kept', async () => {
    renderApp(deletedPage)
    expect(await screen.findByRole('heading', { name: 'No deleted flows in Acme Retail' })).toBeInTheDocument()
    expect(screen.getByText(/kept here for 90 days/)).toBeInTheDocument()
  })

  it('marks a copy whose delete 8x8 did not confirm, and says before the restore that 8x8 is asked first', async () => {
    mockCopy({
      backupId: '3c1d7a52-6c1e-4f1a-9d7e-2a1b3c4d5e6f',
      flowId: '1620387745519024',
      name: 'Cut off',
      state: 'unconfirmed',
    })
    const { user } = renderApp(deletedPage)
    const row = (await screen.findByRole('rowheader', { name: /Cut off/ })).closest('tr')!
    expect(row).toHaveTextContent('Delete not confirmed')
    await user.click(within(row).getByRole('button', { name: 'Restore Cut off' }))
    expect(await screen.findByRole('alertdialog', { name: 'Restore flow?' })).toHaveTextContent('if it still has the flow, nothing is created')
  })

  it('says a restore 8x8 did not confirm is not confirmed, and asks again before a second one, which looks in the list first', async () => {
    const copy = mockCopy({
      backupId: '4d1d7a52-6c1e-4f1a-9d7e-2a1b3c4d5e6f',
      flowId: '1620387745519025',
      name: 'Timed out',
      restoreUnconfirmedAt: null as string | null,
    })
    server.use(
      http.post(`${deletedFlowsUrl}/:backupId/restore`, () => {
        copy.restoreUnconfirmedAt = '2026-12-02T10:00:00.000Z'
        return HttpResponse.json({ code: 'UPSTREAM_TIMEOUT', message: '8x8 did not answer within 10000 ms', errorId: 'restore-timeout-1', timestamp: '', source: 'proxy' }, { status: 504 })
      }),
    )
    const { user } = renderApp(deletedPage)
    await user.click(await screen.findByRole('button', { name: 'Restore Timed out' }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Restore flow' }))

    expect(await toast('Restore not confirmed: check the list')).toHaveTextContent('Restoring again looks for it in the list first')
    const row = (await screen.findByRole('rowheader', { name: /Timed out/ })).closest('tr')!
    await waitFor(() => expect(row).toHaveTextContent('Restore not confirmed'))
    await user.click(within(row).getByRole('button', { name: 'Restore Timed out' }))
    expect(await screen.findByRole('alertdialog', { name: 'Restore flow?' })).toHaveTextContent('Flows Admin looks for its draft in the list first')
  })

  it('says a copy another tab restored first was already restored, by whom, as what and when: information, not an error', async () => {
    const copy = mockCopy({
      backupId: '5e1d7a52-6c1e-4f1a-9d7e-2a1b3c4d5e6f',
      flowId: '1620387745519026',
      name: 'Raced',
      restored: null as DeletedFlow['restored'],
    })
    server.use(
      http.post(`${deletedFlowsUrl}/:backupId/restore`, () => {
        copy.restored = { flowId: '1700000000000009', by: 'sam', at: new Date(Date.now() - 2 * 60_000).toISOString() }
        return HttpResponse.json({ code: 'ALREADY_RESTORED', message: 'This copy was already restored', errorId: 'race-1', timestamp: '', source: 'proxy' }, { status: 409 })
      }),
    )
    const { user } = renderApp(deletedPage)
    await user.click(await screen.findByRole('button', { name: 'Restore Raced' }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Restore flow' }))

    const notice = await toast('“Raced” was already restored')
    expect(notice).toHaveTextContent('Already restored by sam as 1700000000000009, 2 minutes ago.')
    expect(notice).not.toHaveTextContent('race-1')
    expect(screen.getByRole('button', { name: 'Recent errors' })).toBeInTheDocument()
  })

  it("shows 8x8's refusal of a restore with its code and Error ID, and leaves the copy restorable", async () => {
    mockCopy({
      backupId: '0b0c7a52-6c1e-4f1a-9d7e-2a1b3c4d5e6f',
      flowId: '1620387745519023',
      name: 'Old promo',
    })
    server.use(
      http.post(`${deletedFlowsUrl}/:backupId/restore`, () =>
        HttpResponse.json({ code: 1000, message: "Invalid value found for property 'type'.", errorId: 'restore-err-1', timestamp: '' }, { status: 400 }),
      ),
    )
    const { user } = renderApp(deletedPage)
    await user.click(await screen.findByRole('button', { name: 'Restore Old promo' }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Restore flow' }))
    const error = await toast("Couldn't restore “Old promo”")
    expect(error).toHaveTextContent("Invalid value found for property 'type'.")
    expect(error).toHaveTextContent('restore-err-1')
    expect(screen.getByRole('button', { name: 'Restore Old promo' })).toBeEnabled()
  })
})
