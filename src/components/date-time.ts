/** How the console shows a moment (Recent activity, Recent errors, lookups): the operator's locale, to the second. */
export const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
