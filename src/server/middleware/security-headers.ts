import type { MiddlewareHandler } from 'hono'
import { NONCE, secureHeaders } from 'hono/secure-headers'

/**
 * No inline scripts, no framing, no referrer, no MIME sniffing. Inline styles stay allowed: Radix's
 * scroll lock writes a <style> element while a dialog is open.
 */
const contentSecurityPolicy = {
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

const otherHeaders = { referrerPolicy: 'no-referrer', xFrameOptions: 'DENY', xContentTypeOptions: 'nosniff' } as const

/**
 * Every response. `overwrite: false`: a page that carries inline scripts keeps the policy
 * `pageSecurityHeaders` gave it.
 */
export function securityHeaders() {
  return secureHeaders({ contentSecurityPolicy, ...otherHeaders, overwrite: false })
}

/**
 * A page the server renders: React's streaming moves the rows into place with small inline scripts,
 * each with this response's nonce (`c.get('secureHeadersNonce')`), the only inline scripts allowed.
 * Only pages pay for the nonce: API answers keep the fixed policy.
 */
export function pageSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({ contentSecurityPolicy: { ...contentSecurityPolicy, scriptSrc: ["'self'", NONCE] }, ...otherHeaders })
}
