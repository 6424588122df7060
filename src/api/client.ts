import { ApiError, fromNetworkFailure, fromResponse, newErrorId } from './api-error'

export type RequestOptions = { method?: 'GET' | 'DELETE' | 'POST' | 'PUT'; signal?: AbortSignal; headers?: Record<string, string>; body?: string }

/** Reads started before the app rendered (see readEarly), each taken by the first GET of its path. */
const early = new Map<string, Promise<Response>>()

function request(path: string, { method = 'GET', signal, headers: extra, body }: RequestOptions) {
  const headers: Record<string, string> = { ...extra, accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  // A header cross-site forms cannot set: the proxy may require it on state-changing requests.
  if (method !== 'GET') headers['x-requested-with'] = 'XMLHttpRequest'
  return fetch(path, { method, headers, signal, body, credentials: 'same-origin' })
}

/**
 * Starts these reads now, before React and the app's modules have run: the first GET of each path
 * then gets this answer instead of asking again. For what the first page needs and its address names.
 */
export function readEarly(paths: string[]) {
  for (const path of paths) {
    const answer = request(path, {})
    // Nobody may take it (a page that does not need it after all): its failure is not unhandled.
    answer.catch(() => undefined)
    early.set(path, answer)
  }
}

/**
 * An answer the page already holds (the configuration the server wrote into it): the first GET of
 * `path` takes it, as it takes a read started early.
 */
export function answerEarly(path: string, json: string) {
  early.set(path, Promise.resolve(new Response(json, { headers: { 'content-type': 'application/json' } })))
}

/**
 * The browser's one way to the proxy. Resolves with the response of a 2xx; throws ApiError for
 * everything else, network failures included, so every failure the operator sees has an errorId.
 * Aborts (react-query cancelling a query) are rethrown as they are.
 */
export async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method = 'GET', signal } = options
  const started = method === 'GET' ? early.get(path) : undefined
  early.delete(path)
  let response: Response
  try {
    response = await (started ?? request(path, options))
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

export async function getJson<T>(path: string, options: { signal?: AbortSignal } = {}): Promise<T> {
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
