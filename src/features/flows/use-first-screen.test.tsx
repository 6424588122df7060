import { act, renderHook, waitFor } from '@testing-library/react'
import type { RefObject } from 'react'
import { describe, expect, it } from 'vitest'
import { useFirstScreen } from './use-first-screen'

/**
 * A table body laid out as the browser would: its rows start at `top` and are `rowHeight` tall. It
 * reports as many rows as the hook last asked for (jsdom lays nothing out).
 */
function laidOutBody(top: number, rowHeight: number) {
  let rendered = 0
  const element = {
    get rows() {
      return { length: rendered }
    },
    getBoundingClientRect: () => ({ top, bottom: top + rendered * rowHeight }),
  } as unknown as HTMLTableSectionElement
  return { ref: { current: element } as RefObject<HTMLTableSectionElement | null>, rendered: (count: number) => (rendered = count) }
}

function renderFirstScreen(total: number, body: ReturnType<typeof laidOutBody>) {
  const hook = renderHook(() => {
    const shown = useFirstScreen(total, body.ref)
    body.rendered(shown)
    return shown
  })
  // renderHook returns once layout effects (and what they render) are done: what the first frame shows.
  return { ...hook, firstFrame: hook.result.current }
}

describe('the first screen of a table', () => {
  it('renders what the window can show of a long list first, then every row once that frame is painted', async () => {
    // Rows from 314 px down, 54 px each (Flows Admin at 1280 px wide).
    const body = laidOutBody(314, 54)
    const { result, firstFrame } = renderFirstScreen(100, body)
    expect(firstFrame).toBeLessThan(100)
    expect(314 + firstFrame * 54).toBeGreaterThanOrEqual(window.innerHeight)
    await waitFor(() => expect(result.current).toBe(100))
  })

  it('renders more before the first frame when the first rows end above the window’s bottom', async () => {
    // Compact rows from near the top: the first guess falls short of the window.
    const body = laidOutBody(40, 20)
    const { result, firstFrame } = renderFirstScreen(200, body)
    expect(firstFrame).toBeLessThan(200)
    expect(40 + firstFrame * 20).toBeGreaterThanOrEqual(window.innerHeight)
    await waitFor(() => expect(result.current).toBe(200))
  })

  it('renders every row at once when nothing is laid out (rows of no height)', () => {
    const { firstFrame } = renderFirstScreen(100, laidOutBody(0, 0))
    expect(firstFrame).toBe(100)
  })

  it('renders a short list whole at once, and a list that grows afterwards whole too', async () => {
    const body = laidOutBody(314, 54)
    const { result, rerender } = renderHook(({ total }) => useFirstScreen(total, body.ref), { initialProps: { total: 5 } })
    expect(result.current).toBe(5)
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    rerender({ total: 500 })
    expect(result.current).toBe(500)
  })
})
