import type { FlowValidationError } from '../../shared/flow'
import { checkFlowJson } from '../../shared/flow-json-checks'
import type { operations } from '../upstream/openapi/8x8-api.generated'

type FlowDetails = operations['get-whatsapp-flow-details']['responses'][200]['content']['application/json']
export type SeedFlowStatus = NonNullable<FlowDetails['status']>
export type SeedFlowCategory = NonNullable<FlowDetails['categories']>[number]
export type SeedValidationError = NonNullable<FlowDetails['validationErrors']>[number]

/**
 * How the emulator misbehaves when this flow is deleted, so failures are reproducible in demos and tests
 * (a draft that a template uses is refused by the emulator as 8x8 does: see `templates`):
 * - `server-error`: 500 + code 2000, 8x8's generic internal error.
 * - `hang`: never answers, so the proxy's timeout fires (504, errorId made by the proxy).
 * - `json-unavailable`: the delete itself works, but Meta's CDN answers 404 for the flow JSON, so no
 *   copy can be kept first (the console then asks whether to delete without one).
 */
export type SeedFault = 'server-error' | 'hang' | 'json-unavailable'

export type SeedFlow = {
  id: string
  name: string
  status: SeedFlowStatus
  categories: SeedFlowCategory[]
  fault?: SeedFault
  /** Meta's findings in the flow JSON (a draft with errors cannot be published). */
  validationErrors?: SeedValidationError[]
  /** Where the flow sends its data (create and update take it; get-flow tells it when set). */
  endPointUri?: string
  /** The flow JSON as the CDN serves it; a small greeting flow when absent. */
  flowJson?: string
}

/** A message template whose FLOW buttons launch these flows (8x8 refuses to delete such a draft). */
export type SeedTemplate = { name: string; language: string; status: string; flowIds: string[] }

export type SeedChannel = { id: string; name: string; flows: SeedFlow[]; templates?: SeedTemplate[] }

export type Seed = { apiKey: string; accountId: string; channels: SeedChannel[] }

/** A draft a newcomer sees errors in at once: a component type misspelt, and a route to a screen that is not there. */
const feedbackDraftJson = `{
  "version": "7.3",
  "screens": [
    {
      "id": "RATE",
      "title": "Your feedback",
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "TextHeading", "text": "How was your visit?" },
          {
            "type": "TextBodyy",
            "text": "Tell us in one minute."
          },
          {
            "type": "Footer",
            "label": "Next",
            "on-click-action": { "name": "navigate", "next": { "type": "screen", "name": "THANKS" }, "payload": {} }
          }
        ]
      }
    },
    {
      "id": "THANK_YOU",
      "title": "Thank you",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "TextBody", "text": "Thank you for your feedback." },
          { "type": "Footer", "label": "Done", "on-click-action": { "name": "complete", "payload": {} } }
        ]
      }
    }
  ]
}
`

/** Meta's findings as 8x8 words them: each with its pointers, which repeat the place and give the path. */
export function asSeedErrors(errors: FlowValidationError[]): SeedValidationError[] {
  return errors.map(({ paths, ...error }) => ({
    ...error,
    pointers: paths.map((path) => ({ lineStart: error.lineStart, lineEnd: error.lineEnd, columnStart: error.columnStart, columnEnd: error.columnEnd, path })),
  }))
}

export const sandboxSeed: Seed = {
  // Not a secret: the sandbox lives inside this process and holds only sample data.
  apiKey: 'sandbox-api-key',
  accountId: '5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19',
  channels: [
    {
      id: '3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84',
      name: 'Acme Retail',
      flows: [
        { id: '1145805540595505', name: 'Loan Collection', status: 'PUBLISHED', categories: ['OTHER'] },
        { id: '802610292468882', name: '2025-10-08T15:17:51.241+08:00', status: 'PUBLISHED', categories: ['OTHER'] },
        { id: '1620387745519023', name: 'Old promo', status: 'DRAFT', categories: ['LEAD_GENERATION'] },
        { id: '987412365401287', name: 'Spring sale survey', status: 'DRAFT', categories: ['SURVEY'] },
        { id: '1377520498216634', name: 'Store appointment booking', status: 'PUBLISHED', categories: ['APPOINTMENT_BOOKING'] },
        { id: '1209946631278450', name: 'Newsletter sign-up (v1)', status: 'DEPRECATED', categories: ['SIGN_UP'] },
        { id: '1508834471902265', name: 'Holiday returns form', status: 'DEPRECATED', categories: ['CUSTOMER_SUPPORT'] },
        {
          id: '1733015592817740',
          name: 'Customer feedback – draft 2',
          status: 'DRAFT',
          categories: ['SURVEY'],
          flowJson: feedbackDraftJson,
          validationErrors: asSeedErrors(checkFlowJson(feedbackDraftJson)),
        },
        {
          id: '1094528830614471',
          name: 'Order status lookup',
          status: 'DRAFT',
          categories: ['CUSTOMER_SUPPORT'],
          endPointUri: 'https://retail.example.com/flows/order-status',
        },
        { id: '1466270913358802', name: 'Loyalty sign-up v2', status: 'DRAFT', categories: ['SIGN_UP'], fault: 'server-error' },
        { id: '1852263340057719', name: 'Store locator', status: 'DRAFT', categories: ['OTHER'], fault: 'hang' },
        { id: '913376402281546', name: 'VIP early access', status: 'PUBLISHED', categories: ['SIGN_IN'] },
        { id: '1290017763412208', name: 'Pop-up store survey', status: 'DRAFT', categories: ['SURVEY'], fault: 'json-unavailable' },
      ],
      templates: [
        { name: 'order_status', language: 'en_US', status: 'APPROVED', flowIds: ['1094528830614471'] },
        { name: 'order_status', language: 'es_ES', status: 'PENDING', flowIds: ['1094528830614471'] },
        { name: 'appointment_reminder', language: 'en_US', status: 'APPROVED', flowIds: ['1377520498216634'] },
        { name: 'ticket_created', language: 'en', status: 'APPROVED', flowIds: [] },
      ],
    },
    {
      id: '8e1d4b6a-2c7f-4a9b-b3e5-0f6c8d2a9e17',
      name: 'Acme Support',
      flows: [
        { id: '1287765049931120', name: 'Contact us', status: 'PUBLISHED', categories: ['CONTACT_US'] },
        { id: '1590032216874403', name: 'Support ticket intake', status: 'PUBLISHED', categories: ['CUSTOMER_SUPPORT'] },
        { id: '1023348871260095', name: 'Callback request', status: 'DRAFT', categories: ['CONTACT_US'] },
        { id: '1749904412236658', name: 'CSAT survey (Q3)', status: 'DEPRECATED', categories: ['SURVEY'] },
        { id: '1361187230045512', name: 'Agent handover test', status: 'DRAFT', categories: ['OTHER'] },
      ],
    },
    {
      id: 'c4a9e2f1-6b3d-4e7a-8c5f-1d0b9e3a6f72',
      name: 'Acme Staging',
      flows: [],
    },
  ],
}

const generatedStatuses: SeedFlowStatus[] = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'DRAFT', 'PUBLISHED']
const generatedCategories: SeedFlowCategory[] = ['SIGN_UP', 'SURVEY', 'CONTACT_US', 'LEAD_GENERATION', 'OTHER']

/**
 * `SANDBOX_FLOWS=N`: the seed with its first channel filled up to N flows, to try the console (and
 * benchmark it) at 8x8's maximum of 1000. The generated flows are the same on every start.
 */
export function seedWithFlows(seed: Seed, count: number): Seed {
  const [first, ...rest] = seed.channels
  const generated = Array.from({ length: Math.max(0, count - first.flows.length) }, (_, n): SeedFlow => ({
    id: String(1_800_000_000_000_000 + n * 7919),
    name: `Campaign ${String(n + 1).padStart(4, '0')} – ${generatedCategories[n % generatedCategories.length].toLowerCase().replace('_', ' ')}`,
    status: generatedStatuses[n % generatedStatuses.length],
    categories: [generatedCategories[n % generatedCategories.length]],
  }))
  return { ...seed, channels: [{ ...first, flows: [...first.flows, ...generated].slice(0, count) }, ...rest] }
}
