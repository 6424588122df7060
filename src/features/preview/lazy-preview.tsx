import { Suspense } from 'react'
import { retryableLazy } from '../../components/retryable-lazy'
import type { LivePreviewProps } from './live-preview'

// The phone and its components are a file of their own (bundle-size.mjs measures it), loaded when a
// preview is first shown: the editor paints without waiting for it.
const LivePreviewChunk = retryableLazy(() => import('./live-preview').then((module) => ({ default: module.LivePreview })))

/** A live preview, its code fetched the first time one is shown. */
export function LazyLivePreview(props: LivePreviewProps) {
  return (
    <Suspense
      fallback={
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading the preview…
        </output>
      }
    >
      <LivePreviewChunk {...props} />
    </Suspense>
  )
}
