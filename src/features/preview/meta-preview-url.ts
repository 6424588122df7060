/** Meta's documented query for an interactive preview that starts at `screen` (navigate). */
export function interactiveUrl(previewUrl: string, screen: string): string {
  const url = new URL(previewUrl, window.location.href)
  url.searchParams.set('interactive', 'true')
  url.searchParams.set('flow_action', 'navigate')
  url.searchParams.set('flow_action_payload', JSON.stringify({ screen, data: {} }))
  return url.toString()
}
