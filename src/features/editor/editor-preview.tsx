import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { flowDetailQueries } from '../flows/flow-changes-chunk'
import type { FlowScope } from '../flows/api/flow-queries'

/** Meta's preview of the saved draft: asked for when the operator wants it (its links expire). */
export function EditorPreview({ scope, flowId }: { scope: FlowScope; flowId: string }) {
  const [wanted, setWanted] = useState(false)
  const preview = useQuery({ ...flowDetailQueries.preview(scope, flowId), enabled: wanted })
  if (!wanted) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setWanted(true)}>
        Preview
      </button>
    )
  }
  if (preview.data) {
    return (
      <a className="button button--quiet" href={preview.data.previewUrl} target="_blank" rel="noopener noreferrer">
        Open the preview on Meta
      </a>
    )
  }
  return <span className="small muted">{preview.error ? `No preview link: ${preview.error.message}` : 'Getting a preview link…'}</span>
}
