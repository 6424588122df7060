import type { FlowList } from '../../src/shared/flow'

/** The same request as the plain table's, as a react-query query. */
export const flowsQuery = { queryKey: ['flows'], queryFn: async () => (await fetch('/flows.json')).json() as Promise<FlowList> }
