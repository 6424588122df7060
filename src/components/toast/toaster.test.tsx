import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/api-error'
import { useToast } from './toast-context'
import { Toaster } from './toaster'

// The Radix toast list is a chunk fetched after the first paint; here that fetch fails.
vi.mock('./toast-list', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

function ShowError() {
  const show = useToast()
  const error = new ApiError(0, 'NETWORK_ERROR', 'browser-err-1', 'The Flows Admin server could not be reached', 'network')
  return (
    <button type="button" onClick={() => show({ kind: 'error', title: "Couldn't delete “Old promo”", error })}>
      Fail
    </button>
  )
}

describe('toasts when their chunk cannot be fetched', () => {
  it('still show the error with its errorId, and can be dismissed', async () => {
    const user = userEvent.setup()
    render(
      <Toaster>
        <ShowError />
      </Toaster>,
    )
    await user.click(screen.getByRole('button', { name: 'Fail' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Couldn't delete “Old promo”")
    expect(alert).toHaveTextContent('browser-err-1')
    await user.click(screen.getByRole('button', { name: 'Dismiss notification' }))
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
  })
})
