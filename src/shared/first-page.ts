/**
 * The element of a served page that holds the query cache the server filled (TanStack Query's
 * dehydrated state, as JSON): the configuration, and on a flows page the list it rendered.
 */
export const pageStateElementId = 'flows-admin-state'

/**
 * A failure in the page's state: the app's ApiError as its constructor's arguments (status, code,
 * errorId, message, source, requestId, retryAfterMs), as JSON has no errors.
 */
export type SerializedError = { $apiError: [number, number | string, string, string, 'upstream' | 'proxy' | 'network', string?, number?] }

/** The flows page's address (the router's pattern, app/paths.ts). */
export const flowsPagePattern = '/accounts/:accountId/channels/:channelId/flows'
