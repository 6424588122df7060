import type { ReactNode } from 'react'
import { useAppConfig } from '../features/config/api/config-query'

/** Header with the mode (Sandbox / Live) always in view: operators must never wonder which one they are in. */
export function AppShell({ children }: { children: ReactNode }) {
  const { data: config } = useAppConfig()
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
            Signed in as <strong>{config.operator}</strong>
          </span>
        )}
        {config?.auth === 'none' && (
          <span className="shell__operator muted small" title="AUTH_MODE=none: allowed only while the server listens on loopback">
            No sign-in (this computer only)
          </span>
        )}
      </header>
      <main className="shell__main">{children}</main>
    </div>
  )
}
