import { hydrate } from '@tanstack/react-query'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { AppRoot } from './app/app-root'
import { readPageState } from './app/page-state'
import { listenBeforeTheRouter } from './app/pop-guard'
import { createQueryClient } from './app/query-client'
import './index.css'

// Before the router starts listening: the editor asks before Back leaves unsaved text.
listenBeforeTheRouter()
const queryClient = createQueryClient()
// What the server read for this page (the configuration, the list it rendered): no second request.
const state = readPageState(document)
if (state) hydrate(queryClient, state)

const root = document.getElementById('root')!
const app = <AppRoot queryClient={queryClient} router={BrowserRouter} />
if (root.firstElementChild) {
  // A page the server rendered (a flows page) is taken over where it stands, once the browser has
  // painted it: hydrating holds the main thread for a while. Anything that does not match is a defect:
  // said in the console (the e2e suite fails on it), and React renders it again.
  requestAnimationFrame(() => setTimeout(() => hydrateRoot(root, app, { onRecoverableError: (error) => console.error('Hydration failed:', error) })))
} else {
  createRoot(root).render(app)
}
