import { ApiError, fromNetworkFailure, fromResponse, newErrorId } from './api-error'

export type RequestOptions = { method?: 'GET' | 'DELETE' | 'POST' | 'PUT'; signal?: AbortSignal; headers?: Record<string, string>; body?: string }

function request(path: string, { method = 'GET', signal, headers: extra, body }: RequestOptions) {
  const headers: Record<string, string> = { ...extra, accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  // A header cross-site forms cannot set: the proxy may require it on state-changing requests.
  if (method !== 'GET') headers['x-requested-with'] = 'XMLHttpRequest'
  return fetch(path, { method, headers, signal, body, credentials: 'same-origin' })
}

/**
 * The browser's one way to the proxy. Resolves with the response of a 2xx; throws ApiError for
 * everything else, network failures included, so every failure the operator sees has an errorId.
 * Aborts (react-query cancelling a query) are rethrown as they are.
 */
export async function send(path: string, options: RequestOptions): Promise<Response> {
  const { signal } = options
  let response: Response
  try {
    response = await request(path, options)
  } catch (error) {
    if (signal?.aborted) throw error
    throw fromNetworkFailure()
  }
  if (!response.ok) throw await fromResponse(response)
  return response
}

/** The answer's JSON; an answer that is not JSON (a gateway's error page) is an error with an id too. */
export async function readJson<T>(response: Response): Promise<T> {
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

export async function getJson<T>(path: string, options: { signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<T> {
  return readJson<T>(await send(path, { ...options, method: 'GET' }))
}

/** A state-changing request whose answer says what it did (a delete's copy, a restore's new flow). */
export async function changeJson<T>(path: string, { method, headers }: { method: 'DELETE' | 'POST'; headers?: Record<string, string> }): Promise<T> {
  return readJson<T>(await send(path, { method, headers }))
}

/** A POST without a body, for actions such as deprecate. */
export async function postAction(path: string, { headers }: { headers?: Record<string, string> } = {}): Promise<void> {
  await send(path, { method: 'POST', headers })
}
