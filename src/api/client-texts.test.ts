import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../test/setup-ui'
import { getText } from './client-texts'

describe("a flow's JSON as the editor reads it", () => {
  it('keeps a leading byte order mark and a raw NUL, byte for byte', async () => {
    const json = '\ufeff{"version":"7.3","note":"a\u0000b"}'
    server.use(http.get('/api/v1/text', () => new HttpResponse(new TextEncoder().encode(json), { headers: { 'content-type': 'application/json; charset=utf-8', etag: '"sha256-x"' } })))
    const { text, headers } = await getText('/api/v1/text')
    expect(text).toBe(json)
    expect(headers.get('etag')).toBe('"sha256-x"')
  })
})
