import { Suspense, useRef, useState, type ReactNode } from 'react'
import { useAfterFirstContent } from '../components/after-first-content'
import { PageWidthContext } from '../components/page-width'
import { retryableLazy } from '../components/retryable-lazy'
import { useRecentErrors } from '../components/recent-errors/recent-errors-store'
import { useAppConfig } from '../features/config/api/config-query'
import { LookupSearch } from '../features/lookup/components/lookup-search'

const RecentErrorsPanel = retryableLazy(() =>
  import('../components/recent-errors/recent-errors-panel').then((m) => ({ default: m.RecentErrorsPanel })),
)

/** Header with the mode (Sandbox / Live) always in view: operators must never wonder which one they are in. */
export function AppShell({ children }: { children: ReactNode }) {
  const { data: config } = useAppConfig()
  // The count shows once the first content is on screen: nothing it needs competes with the first rows.
  const errorCount = useRecentErrors({ enabled: useAfterFirstContent() }).length
  const [errorsOpen, setErrorsOpen] = useState(false)
  const [wide, setWide] = useState(false)
  const errorsButton = useRef<HTMLButtonElement>(null)
  return (
    <div className="shell">
      <header className="shell__header">
        <span className="shell__brand">Flows Admin</span>
        {config?.mode === 'sandbox' && (
          <span className="mode mode--sandbox" title="Sample data in an emulator of 8x8's API. Nothing reaches 8x8.">
            Sandbox
          </span>
        )}
        {config?.mode === 'live' && <span className="mode mode--live">Live</span>}
        {config && (
          <span className="shell__account muted small">
            Account <code>{config.accountId}</code>
          </span>
        )}
        {config?.operator && (
          <span className="shell__operator small">
            Signed in as <strong>{config.operator}</strong> · {config.role}
          </span>
        )}
        {config?.auth === 'none' && (
          <span className="shell__operator muted small" title="AUTH_MODE=none: allowed only while the server listens on loopback">
            No sign-in (this computer only)
          </span>
        )}
        <LookupSearch />
        <button
          ref={errorsButton}
          type="button"
          className="button button--small shell__errors"
          aria-expanded={errorsOpen}
          aria-label={errorCount > 0 ? `Recent errors (${errorCount})` : 'Recent errors'}
          onClick={() => setErrorsOpen((open) => !open)}
        >
          Recent errors
          {errorCount > 0 && (
            <span className="count-badge" aria-hidden="true">
              {errorCount}
            </span>
          )}
        </button>
      </header>
      {errorsOpen && (
        <Suspense fallback={null}>
          <RecentErrorsPanel
            onClose={() => {
              setErrorsOpen(false)
              errorsButton.current?.focus()
            }}
          />
        </Suspense>
      )}
      <main className={wide ? 'shell__main shell__main--wide' : 'shell__main'}>
        <PageWidthContext.Provider value={setWide}>{children}</PageWidthContext.Provider>
      </main>
    </div>
  )
}
