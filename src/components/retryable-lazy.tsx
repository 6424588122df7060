import { Component, lazy, useState, type ComponentProps, type ComponentType, type ReactNode } from 'react'

/** A piece of the app's code could not be fetched: the server is gone, or a redeploy renamed its files. */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message)
}

const reloadedAt = 'flows-admin:reloaded-for-new-code'

/**
 * The server answers 404 for the code it named: a new version was deployed and the old files are gone.
 * Reload to get its page, once a minute at most (so a file missing for another reason cannot reload the
 * page again and again). The server not answering is no reason to reload: the view says so instead.
 */
async function reloadIfRedeployed(error: Error) {
  const file = /(https?:\/\/[^\s'"]+|\/assets\/[^\s'"]+)/.exec(error.message)?.[1]
  if (file === undefined || Date.now() - Number(sessionStorage.getItem(reloadedAt) ?? 0) < 60_000) return
  const status = await fetch(file, { method: 'HEAD', cache: 'no-store' }).then(
    (answer) => answer.status,
    () => 0,
  )
  if (status !== 404) return
  sessionStorage.setItem(reloadedAt, String(Date.now()))
  location.reload()
}

type BoundaryProps = {
  children: ReactNode
  quiet: boolean
  onRetry: () => void
  /** Loads again on its own, once; false when it already did (then the view says the server is gone). */
  retryOnce: () => boolean
}

/** Catches only a failed load of code; any other error goes on to the root boundary. */
class ChunkBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state = { error: null as unknown }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  override componentDidCatch(error: unknown) {
    if (!isChunkLoadError(error)) return
    // Needed now (its load may have failed before it was needed): one fresh try before saying so.
    if (!this.props.quiet && this.props.retryOnce()) return
    void reloadIfRedeployed(error as Error)
  }

  override componentDidUpdate(previous: BoundaryProps) {
    // Quiet (nothing on screen needs it yet): loaded again once it is needed.
    if (this.state.error !== null && previous.quiet && !this.props.quiet) this.props.onRetry()
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    if (!isChunkLoadError(error)) throw error
    if (this.props.quiet) return null
    return (
      <div className="state chunk-error" role="alert">
        <p>The Flows Admin server could not be reached, so this part of the page could not load.</p>
        <button type="button" className="button" onClick={this.props.onRetry}>
          Try again
        </button>
      </div>
    )
  }
}

/**
 * React.lazy for a view whose code may fail to arrive (the server restarting, a deploy): instead of
 * taking the page down, the view says the server could not be reached, with Try again (a fresh import).
 * `quietWhile(props)`: nothing is shown while it holds (e.g. no dialog is open); the load is tried
 * again once it stops holding.
 */
// oxlint-disable-next-line typescript/no-explicit-any -- as React.lazy's own signature: any component
export function retryableLazy<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
  { quietWhile = () => false }: { quietWhile?: (props: ComponentProps<T>) => boolean } = {},
): ComponentType<ComponentProps<T>> {
  const fresh = () => lazy(load) as unknown as ComponentType<ComponentProps<T>>
  let Loaded = fresh()
  return function RetryableView(props: ComponentProps<T>) {
    const [attempt, setAttempt] = useState(0)
    const [retriedAlone, setRetriedAlone] = useState(false)
    const retry = () => {
      Loaded = fresh()
      setAttempt((n) => n + 1)
    }
    const retryOnce = () => {
      if (retriedAlone) return false
      setRetriedAlone(true)
      retry()
      return true
    }
    return (
      <ChunkBoundary key={attempt} quiet={quietWhile(props)} onRetry={retry} retryOnce={retryOnce}>
        <Loaded {...props} />
      </ChunkBoundary>
    )
  }
}
