import type { ApiError } from '../../api/api-error'

/**
 * Failures after which nobody knows whether 8x8 deleted the flow: the proxy gave up waiting for 8x8,
 * or the browser got no usable answer from the proxy (the request may have reached it).
 * The UI must not claim failure then: it asks the operator to refresh. Deletes are never retried.
 */
export function isOutcomeUnknown(error: ApiError): boolean {
  return error.code === 'UPSTREAM_TIMEOUT' || error.source === 'network'
}
