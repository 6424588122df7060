import type { ReactNode } from 'react'

/** Under a field: its helper text, then its problem. */
export function FieldNotes({ id, helper, problem, children }: { id: string; helper?: string; problem?: string; children?: ReactNode }) {
  return (
    <>
      {children}
      <span id={`${id}-help`} className="pv-helper">
        {helper}
      </span>
      <span id={`${id}-problem`} className="pv-problem" role={problem ? 'alert' : undefined}>
        {problem}
      </span>
    </>
  )
}
