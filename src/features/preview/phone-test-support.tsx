import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Phone, type PhoneProps } from './phone'
import { parseFlow, type ParsedFlow } from './parse-flow'

export function parsed(text: string): ParsedFlow {
  const result = parseFlow(text)
  if (!result.ok) throw new Error(result.reason)
  return result.flow
}

/** A phone drawing `fixture` (a flow's JSON as an object, or its text). */
export function renderPhone(fixture: object | string, props: Partial<PhoneProps> = {}) {
  const text = typeof fixture === 'string' ? fixture : JSON.stringify(fixture, null, 2)
  const flow = parsed(text)
  const user = userEvent.setup()
  const view = render(<Phone flow={flow} label="Preview" {...props} />)
  return { ...view, user, text, flow }
}
