/**
 * A flow's JSON as the store keeps it: as a JSON string literal (`JSON.stringify` of the text). Any
 * text comes back exactly, whatever it holds: a raw NUL (which a Postgres text cannot hold and SQLite
 * cut short), a byte order mark, a lone surrogate (which UTF-8 would replace). Both engines store it in
 * a plain text column, and Postgres compresses it as any other.
 */
export const toStored = (text: string): string => JSON.stringify(text)

export const fromStored = (stored: string): string => JSON.parse(stored) as string
