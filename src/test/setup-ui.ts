import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { flowHandlers, lookupHandlers, resetMockDb } from '../mocks/handlers/flows'

// jsdom has no pointer capture; Radix Toast (swipe to dismiss) calls it on every pointer event.
Element.prototype.hasPointerCapture ??= () => false
Element.prototype.setPointerCapture ??= () => undefined
Element.prototype.releasePointerCapture ??= () => undefined

export const server = setupServer(...flowHandlers, ...lookupHandlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  resetMockDb()
  localStorage.clear()
  // A React or Radix warning is a bug to fix, not noise to scroll past.
  console.error = (...args: unknown[]) => {
    // jsdom does not know HTML's <search> element yet (browsers do): not a bug of the app.
    if (String(args[0]).startsWith('The tag <%s> is unrecognized') && args[1] === 'search') return
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  }
})
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => server.close())
