import { screen, within } from '@testing-library/react'
import { mockConfig } from '../mocks/handlers/flows'
import type { renderApp } from './render-app'
import { server } from './setup-ui'

/** Helpers for tests of the flows page, as an operator sees it. */
export const retail = `/accounts/${mockConfig.accountId}/channels/retail-channel/flows`
export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** Counts the requests the app sends for one method + path pattern. */
export function countRequests(method: 'GET' | 'DELETE' | 'POST', path: string) {
  const seen: Request[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === method && new URL(request.url).pathname.match(path)) seen.push(request)
  })
  return seen
}

export async function rows() {
  const table = await screen.findByRole('table', { name: 'Flows in Acme Retail' })
  return within(table).getAllByRole('row').slice(1)
}

export function notifications() {
  return within(screen.getByRole('region', { name: /notifications/i }))
}

export async function openDeleteDialog(user: ReturnType<typeof renderApp>['user'], flowName: string) {
  await user.click(await screen.findByRole('button', { name: `Delete ${flowName}` }))
  return screen.findByRole('alertdialog')
}

