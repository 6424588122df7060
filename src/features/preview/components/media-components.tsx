import { useState } from 'react'
import { resolveSafely, resolveText } from '../expressions'
import { imageSource } from '../image-source'
import { isObject, type FlowComponent } from '../parse-flow'
import { usePreview } from '../preview-context'
import { useField } from './use-field'

const ratioOf = (value: unknown) => (typeof value === 'string' && /^\d+:\d+$/.test(value) ? value.replace(':', ' / ') : typeof value === 'number' ? String(value) : undefined)

function Picture({ src, alt, width, height, ratio, fit }: { src: unknown; alt: string; width?: unknown; height?: unknown; ratio?: string; fit: unknown }) {
  const data = imageSource(src)
  const style = {
    aspectRatio: ratio,
    objectFit: fit === 'cover' ? ('cover' as const) : ('contain' as const),
    width: typeof width === 'number' ? `${width}px` : undefined,
    height: typeof height === 'number' ? `${height}px` : undefined,
  }
  if (!data) {
    return (
      <span className="pv-placeholder pv-image-missing" style={{ aspectRatio: ratio }}>
        Image: {alt || 'no alt text'} (not base64 image data, not shown)
      </span>
    )
  }
  return <img src={data} alt={alt} className="pv-image" style={style} loading="lazy" decoding="async" />
}

/** Image: base64 data only, at its size or aspect ratio, `cover` or `contain`. */
export function ImageComponent({ component }: { component: FlowComponent }) {
  const { scope } = usePreview()
  return (
    <Picture
      src={resolveSafely(component.src, scope)}
      alt={resolveText(component['alt-text'], scope)}
      width={component.width}
      height={component.height}
      ratio={ratioOf(component['aspect-ratio'])}
      fit={component['scale-type']}
    />
  )
}

/** ImageCarousel (7.1): one to three images, one at a time, with previous and next. */
export function ImageCarouselComponent({ component }: { component: FlowComponent }) {
  const { scope } = usePreview()
  const [index, setIndex] = useState(0)
  const images = (Array.isArray(component.images) ? component.images : []).filter(isObject)
  if (images.length === 0) return <p className="pv-placeholder">ImageCarousel without images</p>
  const at = Math.min(index, images.length - 1)
  const image = images[at]
  return (
    <figure className="pv-carousel" aria-roledescription="carousel">
      <Picture src={resolveSafely(image.src, scope)} alt={resolveText(image['alt-text'], scope)} ratio={ratioOf(component['aspect-ratio'] ?? '4:3')} fit={component['scale-type']} />
      <figcaption className="pv-carousel__controls">
        <button type="button" className="pv-link" disabled={at === 0} onClick={() => setIndex(at - 1)}>
          Previous image
        </button>
        <span>
          {at + 1} of {images.length}
        </span>
        <button type="button" className="pv-link" disabled={at === images.length - 1} onClick={() => setIndex(at + 1)}>
          Next image
        </button>
      </figcaption>
    </figure>
  )
}

/** PhotoPicker and DocumentPicker: their controls as the customer sees them (nothing is uploaded here). */
export function PickerComponent({ component }: { component: FlowComponent }) {
  const field = useField(component)
  const photos = component.type === 'PhotoPicker'
  const limits = photos
    ? [component['min-uploaded-photos'] !== undefined && `at least ${String(component['min-uploaded-photos'])}`, component['max-uploaded-photos'] !== undefined && `at most ${String(component['max-uploaded-photos'])}`]
    : [component['min-uploaded-documents'] !== undefined && `at least ${String(component['min-uploaded-documents'])}`, component['max-uploaded-documents'] !== undefined && `at most ${String(component['max-uploaded-documents'])}`]
  const types = Array.isArray(component['allowed-mime-types']) ? component['allowed-mime-types'].join(', ') : ''
  const notes = [...limits, component['max-file-size-kb'] !== undefined && `up to ${String(component['max-file-size-kb'])} kB each`, types].filter(Boolean).join(' · ')
  return (
    <div className="pv-field pv-picker">
      <span className="pv-picker__label">{field.label}</span>
      {field.description && <span className="pv-helper">{field.description}</span>}
      <button type="button" className="pv-picker__button" aria-disabled="true" title="Nothing is uploaded in a preview">
        {photos ? (component['photo-source'] === 'camera' ? 'Take photo' : component['photo-source'] === 'gallery' ? 'Choose from gallery' : 'Take photo or choose from gallery') : 'Choose document'}
      </button>
      {notes && <span className="pv-helper">{notes}</span>}
    </div>
  )
}
