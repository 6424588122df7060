/**
 * The browser's Back and Forward, heard before the router hears them: this listener is added before
 * the router's (main.tsx), so a view with something to lose (the editor's unsaved text) can keep the
 * router from leaving, and ask first. Set by that view while it needs it.
 */
let guard: ((event: PopStateEvent) => void) | undefined

export function listenBeforeTheRouter() {
  window.addEventListener('popstate', (event) => guard?.(event))
}

export function guardBackAndForward(next: ((event: PopStateEvent) => void) | undefined) {
  guard = next
}
