import { isErrorBody } from '../shared/error-body'

/** Where a failure was reported: 8x8 itself, the Flows Admin proxy, or this browser. */
export type ErrorSource = 'upstream' | 'proxy' | 'network'

/** What every queryFn and mutationFn throws: everything support needs to trace the failure. */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: number
  readonly code: number | string
  readonly errorId: string
  readonly source: ErrorSource
  readonly requestId?: string
  /** How long the server asked to wait before trying again (its Retry-After), when it did. */
  readonly retryAfterMs?: number

  constructor(
    status: number,
    code: number | string,
    errorId: string,
    message: string,
    source: ErrorSource,
    requestId?: string,
    retryAfterMs?: number,
  ) {
    super(message)
    this.status = status
    this.code = code
    this.errorId = errorId
    this.source = source
    this.requestId = requestId
    this.retryAfterMs = retryAfterMs
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** crypto.randomUUID exists only in secure contexts; the app may be served over plain http on a LAN. */
export function newErrorId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export async function fromResponse(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id') ?? undefined
  const retryAfter = response.headers.get('retry-after')
  const body: unknown = await response.json().catch(() => undefined)
  if (isErrorBody(body)) {
    return new ApiError(
      response.status,
      body.code,
      body.errorId,
      body.message ?? `Request failed with HTTP ${response.status}`,
      body.source === 'proxy' ? 'proxy' : 'upstream',
      requestId,
      retryAfter !== null && /^\d{1,5}$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined,
    )
  }
  // Not the proxy's shape: something between the browser and the proxy (a gateway) answered.
  return new ApiError(
    response.status,
    'BAD_GATEWAY_RESPONSE',
    newErrorId(),
    `The Flows Admin server answered HTTP ${response.status} without an error body; a gateway in between may have failed`,
    'network',
    requestId,
  )
}

export function fromNetworkFailure(): ApiError {
  return new ApiError(
    0,
    'NETWORK_ERROR',
    newErrorId(),
    'The Flows Admin server could not be reached. Check your connection, or whether the server is running.',
    'network',
  )
}
