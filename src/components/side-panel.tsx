import { useEffect, useId, useRef, type ReactNode } from 'react'
import './side-panel.css'

export type SidePanelProps = {
  title: ReactNode
  /** The Close button's accessible name, e.g. "Close details". */
  closeLabel: string
  onClose: () => void
  className: string
  children: ReactNode
}

/**
 * A non-modal panel beside the page (the page stays usable): it takes the focus when it opens,
 * and Escape or Close shuts it.
 */
export function SidePanel({ title, closeLabel, onClose, className, children }: SidePanelProps) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <dialog
      open
      className={`side-panel ${className}`}
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <div className="side-panel__header">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="button button--small" onClick={onClose} aria-label={closeLabel}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  )
}
