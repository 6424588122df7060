import type { ApiError } from '../../api/api-error'
import type { Flow } from '../../shared/flow'

/**
 * Which confirmation of a change to flows is open (null: none). Its own module: the hook that opens
 * them and the lazily loaded dialogs that show them both need it, and neither imports the other.
 */
export type FlowChangeDialog =
  | { kind: 'delete' | 'deprecate'; flow: Flow }
  | { kind: 'clone' | 'publish'; flow: Flow }
  /** The copy a delete keeps first could not be made: delete anyway only if the operator says so again. */
  | { kind: 'delete-without-copy'; flow: Flow; error: ApiError }
  | { kind: 'bulk'; flows: Flow[] }
  | null
