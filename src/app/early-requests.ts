import { readEarly } from '../api/client'
import { firstPageReads } from './first-page-reads'

// The first module main.tsx imports, so this runs before React and the app's own modules: what the
// first page needs is asked for at once, not after the first render. The queries then take these answers.
readEarly(firstPageReads(window.location.pathname))
