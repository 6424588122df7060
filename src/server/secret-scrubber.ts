/** Replaces `secret` wherever it appears, whatever its case. */
export function secretScrubber(secret: string): (text: string) => string {
  if (secret === '') return (text) => text
  const pattern = new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')
  return (text) => text.replace(pattern, '[redacted]')
}
