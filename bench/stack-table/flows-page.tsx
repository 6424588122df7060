import { useQuery } from '@tanstack/react-query'
import { PlainTable } from '../plain-table/plain-table'
import { flowsQuery } from './flows-query'

/** The list through react-query, as the console's flows page has it. */
export function FlowsPage() {
  const { data } = useQuery(flowsQuery)
  return data ? <PlainTable flows={data.flows} /> : <p>Loading…</p>
}
