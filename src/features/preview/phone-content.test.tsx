import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import dates from './fixtures/dates.json'
import logic from './fixtures/logic.json'
import media from './fixtures/media.json'
import text from './fixtures/text.json'
import { renderPhone } from './phone-test-support'

// What each component family shows an operator, drawn from one fixture per family.

describe('text components', () => {
  it('draw headings with data, weights, strikethrough and markdown, never markup or scripts', () => {
    const { container } = renderPhone(text)
    expect(screen.getByRole('heading', { level: 4, name: 'Welcome, Ana' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 5, name: 'Our menu' })).toBeInTheDocument()
    expect(screen.getByText('Bold body').closest('.pv-bold')).not.toBeNull()
    expect(screen.getByText('Old price').closest('.pv-strike')).not.toBeNull()
    expect(screen.getByText('bold', { selector: 'strong' })).toBeInTheDocument()
    expect(screen.getByText('gone', { selector: 's' })).toBeInTheDocument()
    // Only the https link is a link, opened without referrer; the javascript: one is text.
    const links = screen.getAllByRole('link')
    expect(links).toHaveLength(1)
    expect(links[0]).toHaveAttribute('href', 'https://example.com')
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer')
    expect(screen.getByText('a trick').tagName).toBe('SPAN')
    expect(screen.getByText('<b>not markup</b>')).toBeInTheDocument()
    expect(container.querySelector('b')).toBeNull()
  })

  it('draw RichText lines: headings, lists, tables; an image that is not base64 is not fetched', () => {
    renderPhone(text)
    expect(screen.getByText('Terms')).toHaveClass('pv-md-h1')
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['First point', 'Second point'])
    expect(screen.getByRole('columnheader', { name: 'Price' })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: 'Basic' })).toBeInTheDocument()
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.getByText('[image: logo]')).toBeInTheDocument()
  })
})

describe('dates', () => {
  it('DatePicker keeps its bounds and says unavailable days; a range is two dates', () => {
    renderPhone(dates)
    const day = screen.getByLabelText('Delivery day')
    expect(day).toHaveAttribute('type', 'date')
    expect(day).toHaveAttribute('min', '2026-12-01')
    expect(day).toHaveAttribute('max', '2026-12-31')
    expect(screen.getByText(/Not available: 2026-12-25/)).toBeInTheDocument()
    expect(screen.getByLabelText('Appointment')).toHaveAttribute('type', 'date')
    const stay = screen.getByRole('group', { name: 'Your stay' })
    expect(within(stay).getByLabelText('Check-in')).toBeInTheDocument()
    expect(within(stay).getByLabelText('Check-out')).toBeInTheDocument()
  })
})

describe('media', () => {
  it('draws base64 images only, a carousel one image at a time, pickers as their controls', async () => {
    const { user } = renderPhone(media)
    expect(screen.getByRole('img', { name: 'A red dot' })).toHaveAttribute('src', expect.stringMatching(/^data:image\/png;base64,/))
    expect(screen.queryByRole('img', { name: 'Tracked' })).toBeNull()
    expect(screen.getByText(/Tracked \(not base64 image data, not shown\)/)).toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'First slide' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next image' }))
    expect(screen.getByRole('img', { name: 'Second slide' })).toBeInTheDocument()
    expect(screen.getByText('2 of 2')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Take photo or choose from gallery' })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByText(/at most 3 · up to 500 kB each/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Choose document' })).toBeInTheDocument()
    expect(screen.getByText(/application\/pdf/)).toBeInTheDocument()
  })
})

describe('If, Switch, visible and expressions', () => {
  it('evaluate against the data and follow what is entered', async () => {
    const { user } = renderPhone(logic)
    expect(screen.getByText('Adult menu')).toBeInTheDocument()
    expect(screen.queryByText('Kids menu')).toBeNull()
    expect(screen.getByText('Gold perks')).toBeInTheDocument()
    expect(screen.queryByText('Promo')).toBeNull()
    await user.type(screen.getByLabelText('First name (optional)'), 'Zoe')
    expect(screen.getByText('Hello Zoe')).toBeInTheDocument()
    // update_data from a Dropdown's on-select-action changes the Switch.
    await user.selectOptions(screen.getByLabelText('Tier (optional)'), 'silver')
    expect(screen.getByText('Silver perks')).toBeInTheDocument()
    expect(screen.getByLabelText('Legacy field (optional)')).toBeInTheDocument()
  })

  it('a component the preview does not know is a labelled placeholder', () => {
    renderPhone(logic)
    expect(screen.getByRole('note')).toHaveTextContent('“Carousel3D” is not a component this preview knows')
  })
})
