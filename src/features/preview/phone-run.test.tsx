import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import choices from './fixtures/choices.json'
import every from './fixtures/every-component.json'
import inputs from './fixtures/inputs.json'
import navigation from './fixtures/navigation.json'
import { renderPhone } from './phone-test-support'

// The phone works like the flow: fields are checked when the Footer is pressed, actions run.

const response = () => JSON.parse(screen.getByLabelText('Response the business receives').textContent ?? '') as unknown

describe('fields', () => {
  it('are checked as a phone checks them when the Footer is pressed', async () => {
    const { user } = renderPhone(inputs)
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription(/As on your ID Required/)
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.queryByRole('region', { name: 'Outcome' })).toBeNull()

    await user.type(screen.getByLabelText('Full name'), 'Al')
    await user.type(screen.getByLabelText('Email'), 'not-an-email')
    await user.type(screen.getByLabelText('PIN (optional)'), '12a')
    await user.type(screen.getByLabelText('Notes (optional)'), 'more than ten characters')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription(/Enter at least 3 characters/)
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/Enter a valid email address/)
    expect(screen.getByLabelText('PIN (optional)')).toHaveAccessibleDescription(/Four digits/)
    expect(screen.getByLabelText('Notes (optional)')).toHaveAccessibleDescription(/Enter at most 10 characters/)
  })

  it('each input-type is the control a phone shows, and the response carries what was entered', async () => {
    const { user } = renderPhone(inputs)
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email')
    expect(screen.getByLabelText('Password (optional)')).toHaveAttribute('type', 'password')
    expect(screen.getByLabelText('PIN (optional)')).toHaveAttribute('inputmode', 'numeric')
    expect(screen.getByLabelText('Phone (optional)')).toHaveValue('+44')
    await user.type(screen.getByLabelText('Full name'), 'Alma')
    await user.type(screen.getByLabelText('Email'), 'alma@example.com')
    await user.type(screen.getByLabelText('PIN (optional)'), '1234')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(response()).toEqual({ name: 'Alma', email: 'alma@example.com', pin: '1234', phone: '+44' })
  })

  it('choices: min and max selected, data-source from the data, chips, opt-in with Read more', async () => {
    const { user } = renderPhone(choices)
    await user.click(screen.getByRole('checkbox', { name: /Cheese/ }))
    await user.click(screen.getByRole('button', { name: 'Order' }))
    expect(screen.getByRole('group', { name: 'Toppings' })).toHaveTextContent('Select at least 2')
    expect(screen.getByRole('checkbox', { name: 'Chili' })).toBeDisabled()
    await user.click(screen.getByRole('checkbox', { name: 'Ham' }))
    await user.click(screen.getByRole('radio', { name: /Large/ }))
    await user.selectOptions(screen.getByLabelText('Drink (optional)'), 'cola')
    await user.click(screen.getByRole('button', { name: 'Spicy' }))
    expect(screen.getByRole('button', { name: 'Spicy' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(screen.getByRole('checkbox', { name: 'I accept the terms' }))
    await user.click(screen.getByRole('button', { name: 'Order' }))
    expect(response()).toEqual({ toppings: ['cheese', 'ham'], size: 'l', drink: 'cola', tags: ['spicy'], terms: true })
  })

  it("OptIn's Read more shows the address it would open, not opening it", async () => {
    const { user } = renderPhone(choices)
    await user.click(screen.getByRole('button', { name: 'Read more' }))
    const outcome = screen.getByRole('region', { name: 'Outcome' })
    expect(within(outcome).getByText('https://example.com/terms')).toBeInTheDocument()
    expect(within(outcome).getByRole('link', { name: 'Open it in a new tab' })).toHaveAttribute('rel', 'noopener noreferrer')
  })
})

describe('actions', () => {
  it('NavigationList navigates with its payload; Back returns; data_exchange shows its payload and goes on with examples', async () => {
    const { user } = renderPhone(navigation)
    await user.click(screen.getByRole('button', { name: /My orders/ }))
    expect(screen.getByRole('heading', { level: 3, name: 'Orders' })).toBeInTheDocument()
    expect(screen.getByText('Topic: orders')).toBeInTheDocument()
    expect(screen.getByText('Step 2')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await user.click(screen.getByRole('button', { name: /Help/ }))
    expect(JSON.parse(screen.getByLabelText('Payload sent to the endpoint').textContent ?? '')).toEqual({ topic: 'help' })
    expect(screen.getByText(/goes on with ORDERS and that screen's example data/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Continue to ORDERS' }))
    expect(screen.getByText('Topic: none')).toBeInTheDocument()
  })

  it('walks a three-screen flow to the response the business receives, with earlier screens\u2019 values', async () => {
    const { user } = renderPhone(every)
    await user.type(screen.getByLabelText('Your name'), 'Rui')
    await user.click(screen.getByRole('radio', { name: 'Four' }))
    expect(screen.getByText('A family table')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('Table for 4, Rui')).toBeInTheDocument()
    expect(screen.getByText('Round table')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Day'), '2026-12-24')
    await user.click(screen.getByRole('checkbox', { name: 'Cake' }))
    await user.click(screen.getByRole('button', { name: 'Review' }))
    expect(screen.getByText('Booking for Rui on 2026-12-24')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Book' }))
    expect(screen.getByText('Flow complete')).toBeInTheDocument()
    expect(response()).toEqual({ guest: 'Rui', seats: '4', day: '2026-12-24', extras: ['cake'] })
    await user.click(screen.getByRole('button', { name: 'Restart' }))
    expect(screen.getByRole('heading', { level: 3, name: 'Book a table' })).toBeInTheDocument()
  })

  it('Close ends the flow without a response; the Screens picker jumps to any screen', async () => {
    const { user } = renderPhone(every)
    await user.selectOptions(screen.getByLabelText('Screen'), 'HELP')
    expect(screen.getByRole('navigation', { name: 'Topics' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await user.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.getByText(/the business receives no response/)).toBeInTheDocument()
  })
})
