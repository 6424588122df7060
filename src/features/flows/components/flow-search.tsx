import { useId } from 'react'
import { statusFilters, statusLabels, type FlowFilters, type StatusFilter } from '../flow-filters'

export type FlowSearchProps = {
  filters: FlowFilters
  onChange: (filters: FlowFilters, options: { typing: boolean }) => void
}

/** Search box and status filter: native controls, so keyboard, screen readers and phones just work. */
export function FlowSearch({ filters, onChange }: FlowSearchProps) {
  const searchId = useId()
  const statusId = useId()
  return (
    <>
      <div className="field field--grow">
        <label htmlFor={searchId}>Search by name or ID</label>
        <input
          id={searchId}
          type="search"
          value={filters.query}
          placeholder="e.g. promo or 1620387745519023"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange({ ...filters, query: event.target.value }, { typing: true })}
        />
      </div>
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          className="select--narrow"
          value={filters.status}
          onChange={(event) => onChange({ ...filters, status: event.target.value as StatusFilter }, { typing: false })}
        >
          {statusFilters.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </div>
    </>
  )
}
