import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useFirstScreen } from './use-first-screen'

describe('the first screen of a table', () => {
  it('renders what the window can show of a long list first, then every row once that frame is painted', async () => {
    const { result } = renderHook(({ total }) => useFirstScreen(total), { initialProps: { total: 100 } })
    const first = result.current
    expect(first).toBeLessThan(100)
    // Flows Admin's rows start 314 px down at 1280 px wide and are 54 px tall: the first ones reach the window's bottom.
    expect(314 + first * 54).toBeGreaterThanOrEqual(window.innerHeight)
    await waitFor(() => expect(result.current).toBe(100))
  })

  it('renders a short list whole at once, and a list that grows afterwards whole too', async () => {
    const { result, rerender } = renderHook(({ total }) => useFirstScreen(total), { initialProps: { total: 5 } })
    expect(result.current).toBe(5)
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    rerender({ total: 500 })
    expect(result.current).toBe(500)
  })
})
