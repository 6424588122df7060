import { useEffect, useId, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { paths } from '../../../app/paths'
import { cleanLookupId, lookupIdPattern } from '../../../shared/lookup'

const lookupPrefix = '/lookup/'

/** The ID of the lookup page shown, or '' off it. */
function shownId(pathname: string): string {
  if (!pathname.startsWith(lookupPrefix)) return ''
  try {
    return decodeURIComponent(pathname.slice(lookupPrefix.length))
  } catch {
    return ''
  }
}

/**
 * The header's search for support: paste an Error ID or a request ID (spaces and quotes around it,
 * or the notice's "Error ID:" label, are fine) and its lookup opens at once; typed, Enter opens it.
 * It shows the ID of the lookup page shown, and is empty elsewhere.
 */
export function LookupSearch() {
  const inputId = useId()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const [value, setValue] = useState(() => shownId(pathname))
  const [invalid, setInvalid] = useState(false)
  // Set while leaving a lookup because of what was entered: the field keeps it, and says why.
  const keepEntry = useRef(false)
  useEffect(() => {
    if (keepEntry.current) {
      keepEntry.current = false
      return
    }
    setValue(shownId(pathname))
    setInvalid(false)
  }, [pathname])

  function open(raw: string) {
    const id = cleanLookupId(raw)
    if (id === '') return
    if (!lookupIdPattern.test(id)) {
      setInvalid(true)
      // The result of another ID must not look like this one's.
      if (pathname.startsWith(lookupPrefix)) {
        keepEntry.current = true
        navigate(paths.lookupEmpty.getHref())
      }
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
