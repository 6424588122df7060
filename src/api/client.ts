import { ApiError, fromNetworkFailure, fromResponse, newErrorId } from './api-error'

type RequestOptions = { method?: 'GET' | 'DELETE' | 'POST'; signal?: AbortSignal; headers?: Record<string, string> }

/**
 * The browser's one way to the proxy. Resolves with the response of a 2xx; throws ApiError for
 * everything else, network failures included, so every failure the operator sees has an errorId.
 * Aborts (react-query cancelling a query) are rethrown as they are.
 */
async function send(path: string, { method = 'GET', signal, headers: extra }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...extra, accept: 'application/json' }
  // A header cross-site forms cannot set: the proxy may require it on state-changing requests.
  if (method !== 'GET') headers['x-requested-with'] = 'XMLHttpRequest'
  let response: Response
  try {
    response = await fetch(path, { method, headers, signal, credentials: 'same-origin' })
  } catch (error) {
    if (signal?.aborted) throw error
    throw fromNetworkFailure()
  }
  if (!response.ok) throw await fromResponse(response)
  return response
}

export async function getJson<T>(path: string, options: { signal?: AbortSignal } = {}): Promise<T> {
  const response = await send(path, { ...options, method: 'GET' })
  try {
    return (await response.json()) as T
  } catch {
    throw new ApiError(
      response.status,
      'BAD_GATEWAY_RESPONSE',
      newErrorId(),
      'The Flows Admin server answered with something that is not JSON; a gateway in between may have failed',
      'network',
      response.headers.get('x-request-id') ?? undefined,
    )
  }
}

export async function deleteResource(path: string, { headers }: { headers?: Record<string, string> } = {}): Promise<void> {
  await send(path, { method: 'DELETE', headers })
}

/** A POST without a body, for actions such as deprecate. */
export async function postAction(path: string, { headers }: { headers?: Record<string, string> } = {}): Promise<void> {
  await send(path, { method: 'POST', headers })
}
