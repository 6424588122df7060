import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import every from './fixtures/every-component.json'
import { LivePreview } from './live-preview'
import type { Finding } from './preview-context'
import type { ParsedFlow, Span } from './parse-flow'
import { Phone } from './phone'
import { renderPhone } from './phone-test-support'

// The phone and the JSON point at each other: a click shows the JSON, the cursor shows the component,
// findings sit on their component.

describe('ties to the JSON', () => {
  it('a component clicked gives its place in the text', async () => {
    const onPick = vi.fn<(span: Span) => void>()
    const { user, text } = renderPhone(every, { onPick })
    await user.click(screen.getByText('Prices include VAT'))
    const [span] = onPick.mock.lastCall!
    expect(JSON.parse(text.slice(span.from, span.to))).toEqual({ type: 'TextCaption', text: 'Prices include VAT' })
  })

  it('the cursor in a component of another screen shows that screen, the component highlighted', () => {
    const text = JSON.stringify(every, null, 2)
    const { rerender, flow } = renderPhone(text)
    const cursor = text.indexOf('Check availability')
    rerender(<PhoneAgain flow={flow} cursor={cursor} />)
    expect(screen.getByRole('heading', { level: 3, name: 'Details' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Check availability' }).closest('.pv-item')).toHaveClass('pv-item--selected')
  })

  it("a finding is outlined on its component with its message, and the message leads to its place", async () => {
    const text = JSON.stringify(every, null, 2)
    const from = text.indexOf('"Your name"')
    const onFinding = vi.fn<(finding: Finding) => void>()
    const finding = { message: 'Label is too long', source: 'Meta', from, to: from + 11, metaIndex: 0 }
    const { user } = renderPhone(text, { findings: [finding], onFinding })
    const message = screen.getByRole('button', { name: 'Meta: Label is too long' })
    expect(message.closest('.pv-item')).toHaveClass('pv-item--finding')
    expect(message.closest('.pv-item')).toContainElement(screen.getByLabelText('Your name'))
    await user.click(message)
    expect(onFinding).toHaveBeenCalledWith(finding)
  })
})

function PhoneAgain({ flow, cursor }: { flow: ParsedFlow; cursor: number }) {
  return <Phone flow={flow} label="Preview" cursor={cursor} />
}

describe('following the text', () => {
  it('draws the new text after a pause; JSON that does not parse keeps the last drawing and says so', async () => {
    vi.useFakeTimers()
    try {
      const text = JSON.stringify(every)
      const { rerender } = render(<LivePreview text={text} findings={[]} />)
      expect(screen.getByRole('heading', { level: 3, name: 'Book a table' })).toBeInTheDocument()
      rerender(<LivePreview text={text.replace('Book a table', 'Book now')} findings={[]} />)
      await act(() => vi.advanceTimersByTimeAsync(100))
      expect(screen.getByRole('heading', { level: 3, name: 'Book now' })).toBeInTheDocument()
      rerender(<LivePreview text={text.replace('Book a table', 'Broken').slice(0, -5)} findings={[]} />)
      await act(() => vi.advanceTimersByTimeAsync(100))
      expect(screen.getByRole('status')).toHaveTextContent(/Not up to date: The JSON does not parse .* The phone shows the last JSON that parsed/)
      expect(screen.getByRole('heading', { level: 3, name: 'Book now' })).toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })

  it('what was entered stays while the JSON changes around it', async () => {
    const user = userEvent.setup()
    const text = JSON.stringify(every)
    const { rerender } = render(<LivePreview text={text} findings={[]} />)
    await user.type(screen.getByLabelText('Your name'), 'Ines')
    rerender(<LivePreview text={text.replace('"Your name"', '"Guest name"')} findings={[]} />)
    expect(await screen.findByLabelText('Guest name')).toHaveValue('Ines')
  })
})
