import type { LocalDraft } from './local-draft'

/** Unsaved changes kept in this browser from an earlier visit: brought back or discarded, never applied unasked. */
export function KeptDraftOffer({ offered, onBringBack, onDiscard }: { offered: LocalDraft; onBringBack: () => void; onDiscard: () => void }) {
  return (
    <div className="notice editor__offer">
      <span>Unsaved changes from {new Date(offered.keptAt).toLocaleString()} are kept in this browser.</span>
      <button type="button" className="button" onClick={onBringBack}>
        Bring them back
      </button>
      <button type="button" className="button button--quiet" onClick={onDiscard}>
        Discard them
      </button>
    </div>
  )
}
