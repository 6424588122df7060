import { lazy, Suspense, type ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { AppShell } from './app-shell'
import { paths } from './paths'
import { FlowsRoute } from './routes/flows-route'
import { HomeRoute } from './routes/home-route'
import { NotFoundRoute } from './routes/not-found-route'

// The flows are the first page; the other pages load when opened, each with its view.
const DeletedFlowsRoute = lazy(() => import('./routes/deleted-flows-route').then((m) => ({ default: m.DeletedFlowsRoute })))
const LookupRoute = lazy(() => import('./routes/lookup-route').then((m) => ({ default: m.LookupRoute })))

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading…
        </output>
      }
    >
      {children}
    </Suspense>
  )
}

/** Declarative routes: react-query owns data loading, so the data router's loaders would add bytes for nothing. */
export function AppRoutes() {
  return (
    <AppShell>
      <Routes>
        <Route path={paths.home.path} element={<HomeRoute />} />
        <Route path={paths.flows.path} element={<FlowsRoute />} />
        <Route
          path={paths.deletedFlows.path}
          element={
            <Loading>
              <DeletedFlowsRoute />
            </Loading>
          }
        />
        <Route
          path={paths.lookup.path}
          element={
            <Loading>
              <LookupRoute />
            </Loading>
          }
        />
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </AppShell>
  )
}
