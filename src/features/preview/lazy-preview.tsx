import { Suspense } from 'react'
import { retryableLazy } from '../../components/retryable-lazy'
import type { ReactNode } from 'react'
import type { ComparePhones } from './compare-phones'
import type { LivePreviewProps } from './live-preview'
import { loadedPreviewChunk, loadPreviewChunk } from './preview-loader'

// The phone and its components are a file of their own (bundle-size.mjs measures it), loaded when a
// preview is first shown: the editor paints without waiting for it.

const LivePreviewChunk = retryableLazy(() => loadPreviewChunk().then((module) => ({ default: module.LivePreview })))
const ComparePhonesChunk = retryableLazy(() => loadPreviewChunk().then((module) => ({ default: module.ComparePhones })))

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <output className="state">
          <span className="spinner" aria-hidden="true" /> Loading the preview…
        </output>
      }
    >
      {children}
    </Suspense>
  )
}

/** A live preview, its code fetched the first time one is shown. */
export function LazyLivePreview(props: LivePreviewProps) {
  const loaded = loadedPreviewChunk()
  if (loaded) return <loaded.LivePreview {...props} />
  return (
    <Loading>
      <LivePreviewChunk {...props} />
    </Loading>
  )
}

/** Two versions' phones side by side, the code fetched as for a live preview. */
export function LazyComparePhones(props: Parameters<typeof ComparePhones>[0]) {
  const loaded = loadedPreviewChunk()
  if (loaded) return <loaded.ComparePhones {...props} />
  return (
    <Loading>
      <ComparePhonesChunk {...props} />
    </Loading>
  )
}
