import { Component, lazy, type ComponentProps, type ComponentType, type ReactNode } from 'react'

/** A piece of the app's code could not be fetched: the server is gone, or a redeploy renamed its files. */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message)
}

const reloadedAt = 'flows-admin:reloaded-for-code'

/**
 * The browser keeps a failed fetch of the app's code for the page's life: it does not fetch that code
 * again (nor what it imports). Once the server answers (restarted, or a new version with other files),
 * only a reload brings it, so the page reloads itself: on its own once a minute at most (so a file
 * missing for another reason cannot reload the page again and again), at once when the operator asks.
 * While the server does not answer, nothing happens: the view says so. State that matters survives a
 * reload (filters and the open flow are in the address, unsaved editor text in local storage).
 */
async function reloadOnceServerAnswers(error: Error, asked: boolean): Promise<void> {
  if (!asked && Date.now() - Number(sessionStorage.getItem(reloadedAt) ?? 0) < 60_000) return
  const file = /(https?:\/\/[^\s'"]+|\/assets\/[^\s'"]+)/.exec(error.message)?.[1] ?? location.href
  // A server stopping (503) or failing answers too, but would only serve its error as the page: wait.
  const answers = await fetch(file, { method: 'HEAD', cache: 'no-store' }).then(
    (response) => response.status < 500,
    () => false,
  )
  if (!answers) return
  sessionStorage.setItem(reloadedAt, String(Date.now()))
  location.reload()
}

type BoundaryProps = { children: ReactNode; quiet: boolean }

/**
 * Catches only a failed load of code; any other error goes on to the root boundary. While it says the
 * server could not be reached, it asks every 5 s whether it answers again, and then brings the code.
 */
class ChunkBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state = { error: null as unknown }
  private poll?: ReturnType<typeof setInterval>

  override componentWillUnmount() {
    clearInterval(this.poll)
  }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  override componentDidCatch(error: unknown) {
    if (isChunkLoadError(error) && !this.props.quiet) void reloadOnceServerAnswers(error as Error, false)
  }

  override componentDidUpdate(previous: BoundaryProps) {
    // Quiet (nothing on screen needs it yet): once it is needed, the page gets it back.
    if (this.state.error !== null && previous.quiet && !this.props.quiet) void reloadOnceServerAnswers(this.state.error as Error, false)
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    if (!isChunkLoadError(error)) throw error
    if (this.props.quiet) return null
    this.poll ??= setInterval(() => void reloadOnceServerAnswers(error as Error, false), 5000)
    return (
      <div className="state chunk-error" role="alert">
        <p>The Flows Admin server could not be reached: this part of the page loads once it answers.</p>
        <button type="button" className="button" onClick={() => void reloadOnceServerAnswers(error as Error, true)}>
          Try again
        </button>
        <button type="button" className="button" onClick={() => history.back()}>
          Go back
        </button>
      </div>
    )
  }
}

/**
 * React.lazy for a view whose code may fail to arrive (the server restarting, a deploy): instead of
 * taking the page down, the view says the server could not be reached, with Try again, and the page
 * reloads itself once the server answers. `quietWhile(props)`: nothing is shown while it holds (e.g.
 * no dialog is open); the code is brought back once it stops holding.
 */
// oxlint-disable-next-line typescript/no-explicit-any -- as React.lazy's own signature: any component
export function retryableLazy<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
  { quietWhile = () => false }: { quietWhile?: (props: ComponentProps<T>) => boolean } = {},
): ComponentType<ComponentProps<T>> {
  const Loaded = lazy(load) as unknown as ComponentType<ComponentProps<T>>
  return function RetryableView(props: ComponentProps<T>) {
    return (
      <ChunkBoundary quiet={quietWhile(props)}>
        <Loaded {...props} />
      </ChunkBoundary>
    )
  }
}
