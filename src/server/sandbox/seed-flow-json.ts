import type { SeedFlow } from './seed'

/** A small, valid WhatsApp Flow JSON: one screen that greets and completes. */
export function flowJsonFor(flow: SeedFlow): string {
  const screen = {
    id: 'WELCOME',
    title: flow.name.slice(0, 30) || 'Welcome',
    terminal: true,
    layout: {
      type: 'SingleColumnLayout',
      children: [
        { type: 'TextHeading', text: flow.name || 'Welcome' },
        { type: 'TextBody', text: `Categories: ${flow.categories.join(', ')}` },
        { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
      ],
    },
  }
  return `${JSON.stringify({ version: '6.0', screens: [screen] }, null, 2)}\n`
}
