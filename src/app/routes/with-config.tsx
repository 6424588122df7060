import type { ReactNode } from 'react'
import { ErrorPanel } from '../../components/error-panel'
import { useAppConfig } from '../../features/config/api/config-query'
import type { AppConfig } from '../../shared/flow'

/** Renders its children once the deployment's configuration is loaded; loading and failure in between. */
export function WithConfig({ children }: { children: (config: AppConfig) => ReactNode }) {
  const config = useAppConfig()
  if (config.isPending) {
    return (
      <output className="state">
        <span className="spinner" aria-hidden="true" /> Loading…
      </output>
    )
  }
  if (config.isError) {
    return (
      <ErrorPanel
        title="Couldn't load Flows Admin's configuration"
        error={config.error}
        onRetry={() => config.refetch()}
        retrying={config.isFetching}
      />
    )
  }
  return children(config.data)
}
