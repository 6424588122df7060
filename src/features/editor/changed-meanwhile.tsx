import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ApiError } from '../../api/api-error'
import { CopyButton } from '../../components/copy-button'
import { readFlowSource } from '../flows/flow-changes-chunk'
import type { FlowScope } from '../flows/api/flow-queries'
import { TextDifference } from './text-difference'

type ChangedMeanwhileProps = {
  scope: FlowScope
  flowId: string
  /** The editor's text, not saved. */
  mine: string
  error: ApiError
  /** Save mine over theirs, now, with their ETag (it is refused again should theirs change once more). */
  onKeepMine: (theirEtag: string | null) => void
  onTakeTheirs: (theirs: string, theirEtag: string | null) => void
}

/**
 * A save refused because the flow's JSON at 8x8 is not the one the editor opened: nothing was saved.
 * Said once (the server's reason: saved by another operator, or by an earlier save not confirmed),
 * with its code and Error ID. The operator sees both texts side by side and chooses: keep mine (it is
 * saved at once) or take theirs. Nothing is overwritten unasked.
 */
export function ChangedMeanwhile({ scope, flowId, mine, error, onKeepMine, onTakeTheirs }: ChangedMeanwhileProps) {
  const [comparing, setComparing] = useState(false)
  const theirs = useQuery({ queryKey: ['flow-source', scope, flowId, error.errorId], queryFn: ({ signal }) => readFlowSource(scope, flowId, signal), enabled: comparing, staleTime: Infinity })
  return (
    <section className="notice notice--warning changed-meanwhile" aria-labelledby="changed-heading" role="alert">
      <h2 id="changed-heading" className="changed-meanwhile__title">
        Not saved
      </h2>
      <p className="small">
        {error.message} Your text is still here.
      </p>
      <p className="small">
        <code className="error-details__code">{String(error.code)}</code> Error ID <code className="selectable">{error.errorId}</code>{' '}
        <CopyButton text={error.errorId} label="Copy" accessibleName="Copy error ID (save)" />
      </p>
      {!comparing && (
        <button type="button" className="button" onClick={() => setComparing(true)}>
          Compare both texts
        </button>
      )}
      {comparing && theirs.isPending && <p className="small muted">Reading the flow as 8x8 has it now…</p>}
      {theirs.error && <p className="field__problem">Could not read the flow from 8x8: {theirs.error.message}</p>}
      {theirs.data && (
        <>
          <TextDifference before={theirs.data.json} after={mine} beforeLabel="At 8x8 now" afterLabel="Yours (not saved)" />
          <div className="editor-actions">
            <button type="button" className="button button--primary" onClick={() => onKeepMine(theirs.data.etag)}>
              Keep mine and save
            </button>
            <button type="button" className="button" onClick={() => onTakeTheirs(theirs.data.json, theirs.data.etag)}>
              Take theirs (drop mine)
            </button>
          </div>
        </>
      )}
    </section>
  )
}
