/** Meta's documented query for an interactive preview that starts at `screen` (navigate). */
export function interactiveUrl(previewUrl: string, screen: string): string {
  const url = new URL(previewUrl, window.location.href)
  url.searchParams.set('interactive', 'true')
  url.searchParams.set('flow_action', 'navigate')
  url.searchParams.set('flow_action_payload', JSON.stringify({ screen, data: {} }))
  return url.toString()
}

/** The first screen's id of a saved JSON (where an interactive preview starts), if it has one. */
export function firstScreenOf(json: string): string | undefined {
  try {
    const id: unknown = (JSON.parse(json) as { screens?: { id?: unknown }[] }).screens?.[0]?.id
    return typeof id === 'string' ? id : undefined
  } catch {
    return undefined
  }
}
