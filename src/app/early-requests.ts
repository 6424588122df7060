import { readEarly } from '../api/client'
import { earlyReads } from './early-reads'

// The first module main.tsx imports, so this runs before React and the app's own modules: what the
// first page needs is asked for at once (a preloaded read is taken from its preload), not after the
// first render. The queries then take these answers.
readEarly(earlyReads(document, window.location.pathname))
