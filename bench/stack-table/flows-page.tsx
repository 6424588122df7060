import { useQuery } from '@tanstack/react-query'
import type { FlowList } from '../../src/shared/flow'
import { PlainTable } from '../plain-table/plain-table'

export const flowsQuery = { queryKey: ['flows'], queryFn: async () => (await fetch('/flows.json')).json() as Promise<FlowList> }

/** The list through react-query, as the console's flows page has it. */
export function FlowsPage() {
  const { data } = useQuery(flowsQuery)
  return data ? <PlainTable flows={data.flows} /> : <p>Loading…</p>
}
