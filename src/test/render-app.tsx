import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, useLocation, useNavigate } from 'react-router'
import { AppProviders } from '../app/providers'
import { createQueryClient } from '../app/query-client'
import { AppRoutes } from '../app/router'

/** Shows the address, and stands in for the browser's Back button. */
function LocationProbe() {
  const { pathname, search } = useLocation()
  const navigate = useNavigate()
  return (
    <>
      <div data-testid="location">{`${pathname}${search}`}</div>
      <button type="button" onClick={() => navigate(-1)}>
        Browser back
      </button>
    </>
  )
}

/**
 * The whole app at `route`, as main.tsx composes it, with a fresh cache (or `queryClient`, for a test
 * that fills the cache first, as main.tsx does before the first render).
 */
export function renderApp(route = '/', { queryClient = createQueryClient() } = {}) {
  const user = userEvent.setup()
  const result = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProviders>,
  )
  return { user, queryClient, ...result }
}
