import { describe, expect, it } from 'vitest'
import { acceptedEncoding } from './compression'

describe('the encoding an Accept-Encoding header asks for', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['BR', 'br'],
    ['gzip;q=0.8, br;q=0.3', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['gzip;q=0.5, *;q=0.9', 'br'],
  ])('%s: %s', (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected)
  })

  it.each([undefined, '', 'identity', 'deflate, zstd', 'br;q=0, gzip;q=0', '*;q=0', 'gzip;q=nonsense'])('%s: none', (header) => {
    expect(acceptedEncoding(header)).toBeUndefined()
  })
})
