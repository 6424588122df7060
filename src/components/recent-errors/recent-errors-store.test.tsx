import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useRecentErrors } from './recent-errors-store'

const storageKey = 'flows-admin.recent-errors'
const stored = { at: '2026-12-01T10:00:00.000Z', action: 'Delete', code: '500', errorId: 'e-1', message: 'Failed', source: 'upstream' }

describe('useRecentErrors', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    localStorage.clear()
  })

  // Listening for 'storage' sets up the page's local storage, as a read does: ~1.5 ms before the first rows.
  it('listens for other tabs only once enabled, and then follows them', () => {
    const added = vi.spyOn(window, 'addEventListener')
    const { result, rerender } = renderHook(({ enabled }) => useRecentErrors({ enabled }), { initialProps: { enabled: false } })
    expect(result.current).toEqual([])
    expect(added.mock.calls.filter(([type]) => type === 'storage')).toHaveLength(0)

    rerender({ enabled: true })
    expect(added.mock.calls.filter(([type]) => type === 'storage')).toHaveLength(1)

    // Another tab records an error.
    localStorage.setItem(storageKey, JSON.stringify([stored]))
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: storageKey }))
    })
    expect(result.current.map((entry) => entry.errorId)).toEqual(['e-1'])
  })
})
