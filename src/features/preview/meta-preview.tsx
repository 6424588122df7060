import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { getJson } from '../../api/client'
import { ErrorPanel } from '../../components/error-panel'
import type { FlowPreview } from '../../shared/flow'
import type { FlowScope } from '../flows/api/flow-queries'
import { flowDetailQueries, flowPath } from '../flows/api/flow-details'
import { firstScreenOf, interactiveUrl } from './meta-preview-url'

const expiryFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

type MetaPreviewProps = { scope: FlowScope; flowId: string; name: string; /** The JSON as saved: its first screen starts an interactive preview. */ savedJson: string }

/**
 * Meta's own preview of the saved flow, framed (430 × 800, as Meta documents), with when its link
 * expires and New link (8x8's `refresh=true`). It shows what is saved at 8x8, never unsaved text.
 */
export function MetaPreview({ scope, flowId, name, savedJson }: MetaPreviewProps) {
  const firstScreen = useMemo(() => firstScreenOf(savedJson), [savedJson])
  const queryClient = useQueryClient()
  const options = flowDetailQueries.preview(scope, flowId)
  const preview = useQuery(options)
  const [interactive, setInteractive] = useState(false)
  const [renewing, setRenewing] = useState(false)
  const renew = async () => {
    setRenewing(true)
    try {
      queryClient.setQueryData(options.queryKey, await getJson<FlowPreview>(`${flowPath(scope, flowId)}/preview?refresh=true`))
    } catch {
      await preview.refetch()
    } finally {
      setRenewing(false)
    }
  }
  if (preview.error) return <ErrorPanel title="Couldn't get Meta's preview link" error={preview.error} onRetry={() => preview.refetch()} retrying={preview.isFetching} />
  if (!preview.data) {
    return (
      <output className="state">
        <span className="spinner" aria-hidden="true" /> Getting Meta's preview link…
      </output>
    )
  }
  const expires = preview.data.expiresAt && !Number.isNaN(Date.parse(preview.data.expiresAt)) ? expiryFormat.format(Date.parse(preview.data.expiresAt)) : preview.data.expiresAt
  const src = interactive && firstScreen ? interactiveUrl(preview.data.previewUrl, firstScreen) : preview.data.previewUrl
  return (
    <div className="meta-preview">
      <p className="small">
        The saved version at 8x8, drawn by Meta: unsaved changes are not in it.{expires && ` The link is valid until ${expires}.`}
      </p>
      <div className="meta-preview__tools">
        <label className="check">
          <input type="checkbox" checked={interactive} disabled={!firstScreen} onChange={(event) => setInteractive(event.target.checked)} /> Interactive
        </label>
        <button type="button" className="button button--small button--quiet" aria-disabled={renewing} onClick={() => renewing || void renew()}>
          {renewing ? 'Getting a new link…' : 'New link'}
        </button>
      </div>
      {/* Meta's page runs its own scripts in its own origin (not this console's): allow-same-origin gives it
          that origin's storage, nothing of the console's. In the sandbox it is this console's own preview page. */}
      <iframe
        key={src}
        className="meta-preview__frame"
        title={`Meta's preview of ${name}`}
        src={src}
        width={430}
        height={800}
        referrerPolicy="no-referrer"
        // oxlint-disable-next-line react/iframe-missing-sandbox -- see above: the frame's origin is never this console's (but in the sandbox)
        sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox"
      />
    </div>
  )
}
