import { useEffect, useState } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'

const feedback: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied',
  failed: 'Copy failed: select the text and copy it by hand',
}

/** Copies `text` exactly; the result is announced next to the button, whose name never changes. */
export function CopyButton({ text, label, accessibleName }: { text: string; label: string; accessibleName?: string }) {
  const [state, setState] = useState<CopyState>('idle')

  useEffect(() => {
    if (state !== 'copied') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  return (
    <span className="copy">
      <button type="button" className="button button--small" onClick={copy} aria-label={accessibleName}>
        {label}
      </button>
      <output className="copy__feedback">{feedback[state]}</output>
    </span>
  )
}
