/** How the console shows a moment (Recent activity, Recent errors, lookups): the operator's locale, to the second. */
export const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

/** An ISO time as the console shows it; as it came when it cannot be read. */
export const formatTime = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : dateTimeFormat.format(Date.parse(iso)))
