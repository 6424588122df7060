import type { MiddlewareHandler } from 'hono'
import { NONCE, secureHeaders } from 'hono/secure-headers'

/** Meta's hosted flow preview (8x8's `preview_url`): the only page the console frames. */
export const metaPreviewOrigin = 'https://business.facebook.com'

/** Whether the console frames its own pages too: the sandbox's stand-in for Meta's preview is one. */
export type FrameOptions = { framesSelf?: boolean }

/**
 * No inline scripts, no framing of the console, frames of Meta's preview only, no referrer, no MIME
 * sniffing. Inline styles stay allowed: Radix's scroll lock writes a <style> element while a dialog is open.
 */
const basePolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

const policyFor = ({ framesSelf = false }: FrameOptions) => ({ ...basePolicy, frameSrc: framesSelf ? ["'self'", metaPreviewOrigin] : [metaPreviewOrigin] })

const otherHeaders = { referrerPolicy: 'no-referrer', xFrameOptions: 'DENY', xContentTypeOptions: 'nosniff' } as const

/**
 * Every response. `overwrite: false`: a page that carries inline scripts keeps the policy
 * `pageSecurityHeaders` gave it.
 */
export function securityHeaders(options: FrameOptions = {}) {
  return secureHeaders({ contentSecurityPolicy: policyFor(options), ...otherHeaders, overwrite: false })
}

/**
 * A page the server renders: React's streaming moves the rows into place with small inline scripts,
 * each with this response's nonce (`c.get('secureHeadersNonce')`), the only inline scripts allowed.
 * Only pages pay for the nonce: API answers keep the fixed policy.
 */
export function pageSecurityHeaders(options: FrameOptions = {}): MiddlewareHandler {
  return secureHeaders({ contentSecurityPolicy: { ...policyFor(options), scriptSrc: ["'self'", NONCE] }, ...otherHeaders })
}

/**
 * The sandbox's stand-in for Meta's preview page (`…/flows/:flowId/phone`): framed by the console itself
 * and nothing else. Registered before the pages' own headers, so its policy is the one sent.
 */
export function framedBySelfHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: { ...policyFor({ framesSelf: true }), frameAncestors: ["'self'"] },
    ...otherHeaders,
    xFrameOptions: 'SAMEORIGIN',
  })
}
