import { createContext, useContext, useLayoutEffect } from 'react'

/** The shell's setter: whether the page in it needs more room than the usual width. */
export const PageWidthContext = createContext<(wide: boolean) => void>(() => undefined)

/**
 * A page that needs more room while `wide` (the flows with a flow's details beside them). Said
 * before the frame is painted, so the page never shows a frame at the narrow width first.
 */
export function useWidePage(wide: boolean) {
  const setWide = useContext(PageWidthContext)
  useLayoutEffect(() => {
    setWide(wide)
    return () => setWide(false)
  }, [wide, setWide])
}
