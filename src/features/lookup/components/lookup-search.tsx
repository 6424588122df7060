import { useId, useState } from 'react'
import { useNavigate } from 'react-router'
import { paths } from '../../../app/paths'
import { cleanLookupId, lookupIdPattern } from '../../../shared/lookup'

/**
 * The header's search for support: paste an Error ID or a request ID (spaces and quotes around it
 * are fine) and its lookup opens at once; typed, Enter opens it.
 */
export function LookupSearch() {
  const inputId = useId()
  const navigate = useNavigate()
  const [value, setValue] = useState('')
  const [invalid, setInvalid] = useState(false)

  function open(raw: string) {
    const id = cleanLookupId(raw)
    if (id === '') return
    if (!lookupIdPattern.test(id)) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setValue(id)
    navigate(paths.lookup.getHref(id))
  }

  return (
    <search className="lookup-search">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          open(value)
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          Error ID or request ID
        </label>
        <input
          id={inputId}
          type="search"
          placeholder="Error ID or request ID"
          value={value}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${inputId}-invalid` : undefined}
          onChange={(event) => {
            setValue(event.target.value)
            setInvalid(false)
          }}
          onPaste={(event) => {
            event.preventDefault()
            open(event.clipboardData.getData('text'))
          }}
        />
        {invalid && (
          <span id={`${inputId}-invalid`} className="lookup-search__invalid small" role="alert">
            Not an Error ID or request ID
          </span>
        )}
      </form>
    </search>
  )
}
