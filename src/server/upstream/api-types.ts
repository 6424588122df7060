/**
 * Names for the parts of 8x8's generated OpenAPI types that the proxy and the sandbox use.
 * Regenerate with `npm run gen:api`; `npm run lint` fails when the generated file is stale.
 */
import type { operations } from './openapi/8x8-api.generated'

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never

export type ListFlowsOperation = operations['get-whatsapp-flows']
export type DeleteFlowOperation = operations['delete-whatsapp-flow']
export type GetFlowOperation = operations['get-whatsapp-flow-details']
export type PreviewFlowOperation = operations['preview-whatsapp-flow']
export type DeprecateFlowOperation = operations['deprecate-whatsapp-flow']

export type ListFlowsQuery = NonNullable<ListFlowsOperation['parameters']['query']>
export type ListFlowsResponse = Json<ListFlowsOperation['responses'][200]>
export type UpstreamFlowSummary = NonNullable<ListFlowsResponse['flows']>[number]
export type FlowPathParams = DeleteFlowOperation['parameters']['path']
export type FlowDetailsResponse = Json<GetFlowOperation['responses'][200]>
export type UpstreamValidationError = NonNullable<FlowDetailsResponse['validationErrors']>[number]
export type PreviewFlowQuery = NonNullable<PreviewFlowOperation['parameters']['query']>
export type PreviewFlowResponse = Json<PreviewFlowOperation['responses'][200]>

/** 8x8's ErrorResponse, as the 401 of the flows list declares it. */
export type UpstreamErrorResponse = Json<ListFlowsOperation['responses'][401]>

export type CreateFlowOperation = operations['create-whatsapp-flow']
export type CreateFlowRequest = NonNullable<CreateFlowOperation['requestBody']>['content']['application/json']
export type CreateFlowResponse = Json<CreateFlowOperation['responses'][200]>
export type UpdateFlowOperation = operations['update-whatsapp-flow']
export type UpdateFlowRequest = NonNullable<UpdateFlowOperation['requestBody']>['content']['application/json']
export type UpdateFlowResponse = Json<UpdateFlowOperation['responses'][200]>
export type FlowCategory = NonNullable<CreateFlowRequest['categories']>[number]

export type ListTemplatesOperation = operations['get-whatsapp-templates']
export type ListTemplatesResponse = Json<ListTemplatesOperation['responses'][200]>
export type UpstreamTemplate = NonNullable<ListTemplatesResponse['templates']>[number]
export type UpstreamTemplateComponent = NonNullable<UpstreamTemplate['components']>[number]
export type UpstreamTemplateButton = NonNullable<UpstreamTemplateComponent['buttons']>[number]
