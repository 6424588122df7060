import { Route, Routes } from 'react-router'
import { AppShell } from './app-shell'
import { paths } from './paths'
import { DeletedFlowsRoute } from './routes/deleted-flows-route'
import { FlowsRoute } from './routes/flows-route'
import { HomeRoute } from './routes/home-route'
import { LookupRoute } from './routes/lookup-route'
import { NotFoundRoute } from './routes/not-found-route'

/** Declarative routes: react-query owns data loading, so the data router's loaders would add bytes for nothing. */
export function AppRoutes() {
  return (
    <AppShell>
      <Routes>
        <Route path={paths.home.path} element={<HomeRoute />} />
        <Route path={paths.flows.path} element={<FlowsRoute />} />
        <Route path={paths.deletedFlows.path} element={<DeletedFlowsRoute />} />
        <Route path={paths.lookup.path} element={<LookupRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </AppShell>
  )
}
