// Apart from date-time.ts: the flows page shows how old its list is, and should not create that
// module's date format (a costly first Intl call) on its way to the first rows.

/** How long ago, in words: "just now", "12 seconds ago", "2 minutes ago", "3 hours ago", then "5 days ago". */
export function ago(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 5) return 'just now'
  if (seconds < 60) return `${seconds} seconds ago`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return hours === 1 ? '1 hour ago' : `${hours} hours ago`
  return `${Math.floor(hours / 24)} days ago`
}
