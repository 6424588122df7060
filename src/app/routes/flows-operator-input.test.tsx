import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { flowsUrl } from '../../mocks/handlers/flows'
import { server } from '../../test/setup-ui'
import { renderApp } from '../../test/render-app'
import { countRequests, notifications, openDeleteDialog, retail, rows } from '../../test/flows-page'

describe('one confirmation, one request', () => {
  it('a double-click on Delete flow sends one DELETE', async () => {
    const deletes = countRequests('DELETE', '/flows/1620387745519023$')
    const { user } = renderApp(retail)
    const dialog = await openDeleteDialog(user, 'Old promo')
    await user.dblClick(within(dialog).getByRole('button', { name: 'Delete flow' }))
    expect(await notifications().findByText('Deleted “Old promo”')).toBeInTheDocument()
    expect(deletes).toHaveLength(1)
  })

  it('two clicks that land before the page re-renders (a busy page) send one DELETE', async () => {
    const deletes = countRequests('DELETE', '/flows/1620387745519023$')
    const { user } = renderApp(retail)
    const dialog = await openDeleteDialog(user, 'Old promo')
    const button = within(dialog).getByRole('button', { name: 'Delete flow' })
    act(() => {
      fireEvent.click(button)
      fireEvent.click(button)
    })
    expect(await screen.findByText('Deleted “Old promo”')).toBeInTheDocument()
    expect(deletes).toHaveLength(1)
  })

  it('two clicks on Deprecate flow send one request', async () => {
    const posts = countRequests('POST', '/flows/1145805540595505/deprecate$')
    const { user } = renderApp(retail)
    await user.click(await screen.findByRole('button', { name: 'Deprecate Loan Collection' }))
    const button = within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Deprecate flow' })
    act(() => {
      fireEvent.click(button)
      fireEvent.click(button)
    })
    expect(await screen.findByText('Deprecated “Loan Collection”')).toBeInTheDocument()
    expect(posts).toHaveLength(1)
  })

  it('two clicks on the bulk confirmation start one run', async () => {
    const deletes = countRequests('DELETE', '/flows/\\d+$')
    const { user } = renderApp(retail)
    await user.click(await screen.findByRole('checkbox', { name: 'Select Old promo' }))
    await user.click(await screen.findByRole('button', { name: 'Delete selected…' }))
    const button = within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete 1 flow' })
    act(() => {
      fireEvent.click(button)
      fireEvent.click(button)
    })
    expect(await screen.findByRole('heading', { name: 'Bulk delete finished' })).toBeInTheDocument()
    expect(deletes).toHaveLength(1)
  })
})

describe('while 8x8 takes its time', () => {
  it('says what is happening and how long it may take', async () => {
    server.use(
      http.delete(`${flowsUrl}/:flowId`, async () => {
        await delay('infinite')
        return HttpResponse.json({ backupId: null })
      }),
    )
    const { user } = renderApp(retail)
    const dialog = await openDeleteDialog(user, 'Old promo')
    await user.click(within(dialog).getByRole('button', { name: 'Delete flow' }))
    // Two reads for the copy, then the delete: each may take the 10 s the server waits for 8x8.
    expect(await within(dialog).findByText(/Waiting for 8x8 to confirm\. This can take up to 30 seconds/)).toBeInTheDocument()
  })
})

describe('when the Flows Admin server cannot be reached', () => {
  it('names the server, not 8x8, in the notice', async () => {
    server.use(http.delete(`${flowsUrl}/:flowId`, () => HttpResponse.error()))
    const { user } = renderApp(retail)
    const dialog = await openDeleteDialog(user, 'Old promo')
    await user.click(within(dialog).getByRole('button', { name: 'Delete flow' }))
    const notice = await notifications().findByRole('listitem')
    expect(notice).toHaveTextContent('No answer came back from the Flows Admin server')
    expect(notice).not.toHaveTextContent('No confirmation came back from 8x8')
  })
})

describe('error notifications', () => {
  it('name the flow in each Copy error ID button', async () => {
    server.use(
      http.delete(`${flowsUrl}/:flowId`, () =>
        HttpResponse.json({ code: 1000, message: 'Flow is used by a template', errorId: 'e-1', timestamp: 't' }, { status: 400 }),
      ),
    )
    const { user } = renderApp(retail)
    for (const name of ['Old promo', 'Spring sale survey']) {
      const dialog = await openDeleteDialog(user, name)
      await user.click(within(dialog).getByRole('button', { name: 'Delete flow' }))
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    }
    expect(await screen.findByRole('button', { name: 'Copy error ID (Old promo)', hidden: true })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copy error ID (Spring sale survey)', hidden: true })).toBeInTheDocument()
  })
})

describe('focus stays where the operator is', () => {
  it('Refresh keeps the focus while it refreshes', async () => {
    server.use(
      http.get(flowsUrl, async () => {
        await delay(100)
        return HttpResponse.json({ flows: [] })
      }),
    )
    const { user } = renderApp(retail)
    const refresh = await screen.findByRole('button', { name: 'Refresh' })
    await screen.findByRole('heading', { name: 'No flows in Acme Retail' })
    await user.click(refresh)
    const busy = screen.getByRole('button', { name: 'Refreshing…' })
    expect(busy).toHaveFocus()
    expect(busy).toHaveAttribute('aria-disabled', 'true')
  })

  it('Get preview link keeps the focus, and Escape still closes the panel', async () => {
    server.use(
      http.get(`${flowsUrl}/:flowId/preview`, async () => {
        await delay(100)
        return HttpResponse.json({ previewUrl: 'https://business.facebook.com/p', expiresAt: null })
      }),
    )
    const { user } = renderApp(`${retail}?flow=1145805540595505`)
    const panel = await screen.findByRole('dialog', { name: 'Loan Collection' })
    await user.click(await within(panel).findByRole('button', { name: 'Get preview link' }))
    expect(within(panel).getByRole('button', { name: 'Getting preview link…' })).toHaveFocus()
    await within(panel).findByRole('link', { name: 'Open the preview on Meta' })
    expect(within(panel).getByRole('button', { name: 'New preview link' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})

describe('details of a flow that does not exist', () => {
  it('offer neither the JSON nor a preview', async () => {
    renderApp(`${retail}?flow=1234567890123456`)
    const panel = await screen.findByRole('dialog', { name: 'Flow 1234567890123456' })
    expect(await within(panel).findByText("Couldn't load the details")).toBeInTheDocument()
    expect(within(panel).queryByRole('link', { name: 'Download flow JSON' })).not.toBeInTheDocument()
    expect(within(panel).queryByRole('button', { name: /preview link/ })).not.toBeInTheDocument()
  })
})

describe('typing, then clicking at once', () => {
  it('a name clicked right after typing opens its details, and the box and the address keep the text', async () => {
    const { user } = renderApp(retail)
    await rows()
    await user.type(screen.getByRole('searchbox', { name: 'Search by name or ID' }), 'promo')
    await user.click(screen.getByRole('button', { name: 'Old promo' }))
    expect(await screen.findByRole('dialog', { name: 'Old promo' })).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Search by name or ID' })).toHaveValue('promo')
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)))
    expect(screen.getByRole('dialog', { name: 'Old promo' })).toBeInTheDocument()
    const location = screen.getByTestId('location').textContent ?? ''
    expect(new URLSearchParams(location.split('?')[1]).get('q')).toBe('promo')
    expect(new URLSearchParams(location.split('?')[1]).get('flow')).toBe('1620387745519023')
  })

  it('clearing the box and clicking a name at once does not bring the old text back', async () => {
    const { user } = renderApp(`${retail}?q=o`)
    await rows()
    const box = screen.getByRole('searchbox', { name: 'Search by name or ID' })
    await user.clear(box)
    await user.click(screen.getByRole('button', { name: 'Spring sale survey' }))
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)))
    expect(box).toHaveValue('')
    expect(screen.getByTestId('location').textContent).not.toContain('q=')
    expect(screen.getByRole('dialog', { name: 'Spring sale survey' })).toBeInTheDocument()
  })
})

