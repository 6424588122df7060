type PreviewChunk = typeof import('./preview-chunk')

let loaded: PreviewChunk | undefined

/** The phone preview's code: one lazy file (bundle-size.mjs measures it). */
export const loadPreviewChunk = () =>
  import('./preview-chunk').then((chunk) => {
    loaded = chunk
    return chunk
  })

/**
 * The preview's code when it has arrived: drawn at once, without suspending (React holds a revealed
 * Suspense boundary back for up to 300 ms, which a phone preloaded with the page need not wait for).
 */
export const loadedPreviewChunk = () => loaded

/** Fetches the preview's code ahead (while a page still loads its data), so it is there when first shown. */
export function preloadPreview() {
  void loadPreviewChunk().catch(() => undefined)
}
