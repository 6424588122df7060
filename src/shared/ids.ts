/**
 * Id rules shared by the proxy (which refuses bad ids before they reach 8x8) and the browser (which
 * refuses to build a URL from them).
 *
 * - accountId: 8x8's own pattern from the OpenAPI file (a UUID, dashes optional).
 * - channelId and flowId: the spec only says "string". Real ones are UUIDs (channels) and 15-16 digit
 *   Meta ids (flows); we accept a conservative URL-safe alphabet so an id can never change the path.
 */
export const accountIdPattern = /^[0-9A-Fa-f]{8}-?(?:[0-9A-Fa-f]{4}-?){3}[0-9A-Fa-f]{12}$/
export const resourceIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/

export function isAccountId(value: string): boolean {
  return value.length >= 32 && value.length <= 36 && accountIdPattern.test(value)
}

export function isChannelId(value: string): boolean {
  return resourceIdPattern.test(value)
}

export function isFlowId(value: string): boolean {
  return resourceIdPattern.test(value)
}

/** 8x8 documents `limit` as 1..1000 with a default of 100. */
export const flowListLimit = { min: 1, max: 1000, default: 100 } as const

/** 8x8 accepts account ids with or without dashes, in either case: compare them that way. */
export function sameAccountId(a: string, b: string): boolean {
  return canonicalAccountId(a) === canonicalAccountId(b)
}

/** An account id without dashes, in lower case: the form sameAccountId compares. */
export const canonicalAccountId = (id: string) => id.replaceAll('-', '').toLowerCase()
