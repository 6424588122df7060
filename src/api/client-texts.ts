import { readJson, send } from './client'

// The editor's ways to the proxy (loaded with it, not with the first page): the flow JSON as text, and
// requests with a JSON body.

/**
 * A text as served (a flow's JSON, byte for byte: a leading byte order mark too, which response.text()
 * would drop), with the answer's headers (its ETag).
 */
export async function getText(path: string, options: { signal?: AbortSignal } = {}): Promise<{ text: string; headers: Headers }> {
  const response = await send(path, { ...options, method: 'GET' })
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()), headers: response.headers }
}

/** A state-changing request with a JSON body (a create, a save); the answer's headers too (a save's ETag). */
export async function sendJson<T>(path: string, options: { method: 'POST' | 'PUT'; body: unknown; headers?: Record<string, string> }): Promise<{ body: T; headers: Headers }> {
  const response = await send(path, { ...options, body: JSON.stringify(options.body) })
  return { body: await readJson<T>(response), headers: response.headers }
}
