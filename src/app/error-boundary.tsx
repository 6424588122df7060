import { Component, type ErrorInfo, type ReactNode } from 'react'

/** Last resort: a render error shows a way out instead of a blank page. */
export class RootErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Flows Admin crashed while rendering', error, info.componentStack)
  }

  override render() {
    if (this.state.error === null) return this.props.children
    return (
      <div className="state" role="alert">
        <h1>Something went wrong</h1>
        <p>The page hit an unexpected error: {this.state.error.message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    )
  }
}
