// The phone preview's code, one lazy file (bundle-size.mjs measures it): what its pages import lazily.
export { LivePreview } from './live-preview'
export { ComparePhones } from './compare-phones'
