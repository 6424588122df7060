import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { templateQueries } from './api/flow-templates'
import type { FlowScope } from './api/flow-queries'
import { templatesByFlow } from './template-use'

/**
 * Which templates launch the channel's flows. Until it is known (or when 8x8's templates list fails),
 * no draft is held back: 8x8 still refuses a delete it would not allow.
 */
export function useTemplateUse(scope: FlowScope) {
  const templates = useQuery(templateQueries.list(scope))
  const templateUse = useMemo(() => templatesByFlow(templates.data), [templates.data])
  return { templateUse, templatesError: templates.error }
}
