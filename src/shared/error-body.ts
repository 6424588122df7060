/**
 * The one wire shape for failures, browser and proxy alike. It is 8x8's own ErrorResponse, so an
 * error 8x8 sent passes through untouched; errors the proxy makes itself add `source: "proxy"`.
 */
export type ErrorBody = {
  code: number | string
  message?: string
  errorId: string
  timestamp: string
  source?: 'proxy'
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const body = value as Record<string, unknown>
  return (
    (typeof body.code === 'number' || typeof body.code === 'string') &&
    typeof body.errorId === 'string' &&
    body.errorId.length > 0 &&
    typeof body.timestamp === 'string' &&
    (body.message === undefined || typeof body.message === 'string')
  )
}
