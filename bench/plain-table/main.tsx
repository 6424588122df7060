import { createRoot } from 'react-dom/client'
import type { FlowList } from '../../src/shared/flow'
import { PlainTable } from './plain-table'

void fetch('/flows.json')
  .then((response) => response.json() as Promise<FlowList>)
  .then(({ flows }) => createRoot(document.getElementById('root')!).render(<PlainTable flows={flows} />))
