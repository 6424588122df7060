import { answerEarly, readEarly } from '../api/client'
import { earlyReads, pageAnswers } from './early-reads'

// The first module main.tsx imports, so this runs before React and the app's own modules: what the
// first page needs is at hand (the configuration the page holds) or asked for at once (a preloaded
// read is taken from its preload), not after the first render. The queries then take these answers.
for (const [path, json] of Object.entries(pageAnswers(document))) answerEarly(path, json)
readEarly(earlyReads(document, window.location.pathname))
