import { Suspense, type ComponentType } from 'react'
import { retryableLazy } from '../components/retryable-lazy'
import { Route, Routes } from 'react-router'
import { AppShell } from './app-shell'
import { paths } from './paths'
import { useFocusOnNavigation } from './use-focus-on-navigation'
import { FlowsRoute } from './routes/flows-route'

/** A page that loads when it is opened, with a spinner meanwhile (and Try again when its code cannot be fetched). */
function lazyPage(load: () => Promise<ComponentType>) {
  const Page = retryableLazy(() => load().then((page) => ({ default: page })))
  return (
    <Suspense
      fallback={
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading…
        </output>
      }
    >
      <Page />
    </Suspense>
  )
}

// The flows are the first page; the other pages (and "not found") load when opened, each with its view.
// `/` too: the server redirects it to the first channel; only Vite's dev server and in-app links reach it.
const homePage = lazyPage(() => import('./routes/home-route').then((m) => m.HomeRoute))
const deletedFlowsPage = lazyPage(() => import('./routes/deleted-flows-route').then((m) => m.DeletedFlowsRoute))
const editorPage = lazyPage(() => import('./routes/flow-editor-route').then((m) => m.FlowEditorRoute))
const lookupPage = lazyPage(() => import('./routes/lookup-route').then((m) => m.LookupRoute))
const notFoundPage = lazyPage(() => import('./routes/not-found-route').then((m) => m.NotFoundRoute))

/** Declarative routes: react-query owns data loading, so the data router's loaders would add bytes for nothing. */
export function AppRoutes() {
  useFocusOnNavigation()
  return (
    <AppShell>
      <Routes>
        <Route path={paths.home.path} element={homePage} />
        <Route path={paths.flows.path} element={<FlowsRoute />} />
        {/* …/flows/new and …/flows/:flowId/edit: told apart in the editor's own chunk. */}
        <Route path={`${paths.flows.path}/*`} element={editorPage} />
        <Route path={paths.deletedFlows.path} element={deletedFlowsPage} />
        <Route path={paths.lookup.path} element={lookupPage} />
        <Route path={paths.lookupEmpty.path} element={lookupPage} />
        <Route path="*" element={notFoundPage} />
      </Routes>
    </AppShell>
  )
}
