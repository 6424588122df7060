import './bulk-bar.css'
import './dialogs.css'

export type BulkBarProps = {
  count: number
  /** Drafts in view that templates use: they cannot be selected, and the bar says why. */
  heldBack: number
  onDelete: () => void
  onClear: () => void
}

/** What to do with the selected flows. Loaded with the dialogs (after the first paint): it needs a selection first. */
export function BulkBar({ count, heldBack, onDelete, onClear }: BulkBarProps) {
  return (
    <section className="bulk-bar" aria-label="Selection">
      <span>{count} selected</span>
      {heldBack > 0 && (
        <span className="small muted">
          {heldBack} {heldBack === 1 ? 'draft is' : 'drafts are'} used by templates and cannot be selected
        </span>
      )}
      <button type="button" className="button button--danger" onClick={onDelete}>
        Delete selected…
      </button>
      <button type="button" className="button" onClick={onClear}>
        Clear selection
      </button>
    </section>
  )
}
